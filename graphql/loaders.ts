import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Account, Cancellation, EInvoice, Invoice, InvoiceLine, Order, OrderLine, Payment, Product, ProductCategory, SdiNotification, Service, User } from '@/entities';
import { loadLogins } from '@/operations/access/profile';
import type { Actor } from '@/operations/actor';
import { loadCategories, loadProductsOnSale } from '@/operations/catalog/loading';
import { RequestCatalog } from '@/operations/catalog/request-catalog';
import { loadAccounts } from '@/operations/clients/loading';
import { loadCurrentEInvoices, loadSdiNotifications } from '@/operations/einvoices/loading';
import { loadInvoiceLines, loadInvoices } from '@/operations/invoices/loading';
import { loadInvoicesOfOrders, loadOrderLines, loadOrders, loadPaymentsOfOrders } from '@/operations/orders/loading';
import { loadOpenCancellations, loadServicesInReach } from '@/operations/services/loading';
import { ServicesOfAccounts } from '@/operations/services/services-of-accounts';

/** Batches per request: a page of 50 services costs one query per relation, not 50. */
export function createLoaders(db: DataSource, actor: Actor | null, catalogRevision: string | null) {
  const catalog = new RequestCatalog(db, catalogRevision);
  const servicesOfAccounts = new ServicesOfAccounts(db, actor, catalog);
  const servicesOfAccount = new DataLoader<string, Service[]>((accountIds) => servicesOfAccounts.load(accountIds));

  return {
    catalog,
    category: new DataLoader<string, ProductCategory | null>((ids) => loadCategories(db, ids)),
    productsOfCategory: new DataLoader<string, Product[]>((ids) => loadProductsOnSale(db, ids)),
    account: new DataLoader<string, Account | null>((ids) => loadAccounts(db, ids)),
    /** The signed-in login (primed with the caller's row, read with it). */
    login: new DataLoader<string, User | null>((ids) => loadLogins(db, ids)),
    openCancellation: new DataLoader<string, Cancellation | null>((serviceIds) => loadOpenCancellations(db, serviceIds)),
    order: new DataLoader<string, Order | null>((ids) => loadOrders(db, ids)),
    orderLines: new DataLoader<string, OrderLine[]>((orderIds) => loadOrderLines(db, orderIds)),
    paymentsOfOrder: new DataLoader<string, Payment[]>((orderIds) => loadPaymentsOfOrders(db, orderIds)),
    invoiceOfOrder: new DataLoader<string, Invoice | null>((orderIds) => loadInvoicesOfOrders(db, orderIds)),
    invoiceLines: new DataLoader<string, InvoiceLine[]>((invoiceIds) => loadInvoiceLines(db, invoiceIds)),
    /**
     * By id: the invoice a credit note corrects (the same account's), an e-invoice's invoice (e-invoices reach a
     * caller only under invoices in reach, or the back office).
     */
    invoice: new DataLoader<string, Invoice | null>((ids) => loadInvoices(db, ids)),
    currentEInvoice: new DataLoader<string, EInvoice | null>((invoiceIds) => loadCurrentEInvoices(db, invoiceIds)),
    sdiNotifications: new DataLoader<string, SdiNotification[]>((eInvoiceIds) => loadSdiNotifications(db, eInvoiceIds)),
    /** Only services the actor may see; any other id loads as null, like a missing one. */
    serviceInReach: new DataLoader<string, Service | null>((ids) => loadServicesInReach(db, actor, catalog, ids)),
    /** Loads the services of a page of accounts listed for this actor with the page, with only `properties` (null: all). */
    prefetchServices: (listedAccounts: readonly Account[], properties: string[] | null) => servicesOfAccounts.loadWithPage(listedAccounts, properties),
    /** The account's services; at once, without a promise, when they were loaded with its page. */
    servicesOf(account: Account): Service[] | Promise<Service[]> {
      return servicesOfAccounts.loadedWithPage(account) ?? servicesOfAccount.load(account.id);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
