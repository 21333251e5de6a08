import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { selectEntities, selectingOnly } from '@/lib/db/select-entities';
import { Account, Cancellation, Invoice, InvoiceLine, Order, OrderLine, Payment, Product, ProductCategory, Service } from '@/entities';
import type { Actor } from '@/operations/actor';
import { withinReach } from '@/operations/scope';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Rows grouped by key, in the keys' order; rows that come in runs of one key are looked up once per run. */
function groupedByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  let runKey: K | undefined;
  let run: V[] | undefined;
  for (const row of rows) {
    const key = keyOf(row);
    if (run === undefined || key !== runKey) {
      runKey = key;
      run = groups.get(key);
    }
    run?.push(row);
  }
  return keys.map((key) => groups.get(key)!);
}

type ProductsById = Map<string, Product>;

// The catalog as last read by this process, per database, with the revision it was read at or after.
const sharedCatalogs = new WeakMap<DataSource, { revision: string; products: Promise<ProductsById> }>();

/**
 * The whole catalog (a few dozen products), read at most once per request. Once read, a product is
 * returned synchronously: a page of 500 services then resolves without 500 pending promises.
 * When the request knows the catalog's current revision (read with its API token), the copy this
 * process keeps is used as long as its revision is that one; the products are read after the revision,
 * so a copy is never older than the revision it is kept under. Cached products are shared: read-only.
 */
class RequestCatalog {
  private byId: ProductsById | null = null;
  private loading: Promise<ProductsById> | null = null;

  constructor(private readonly db: DataSource, private readonly revision: string | null) {}

  load(): Promise<ProductsById> {
    return (this.loading ??= this.current().then((byId) => (this.byId = byId)));
  }

  product(id: string): Product | Promise<Product> {
    return this.byId ? this.byId.get(id)! : this.load().then((byId) => byId.get(id)!);
  }

  /**
   * Sets each service's `product` from the catalog: the Service type reads it as a plain field, so a
   * page of services resolves its products without a resolver call for each.
   */
  async attachProducts(services: readonly (Service | null)[]): Promise<void> {
    if (!services.some(Boolean)) return;
    const byId = await this.load();
    for (const service of services) if (service) service.product = byId.get(service.productId)!;
  }

  private current(): Promise<ProductsById> {
    if (this.revision === null) return this.read();
    const shared = sharedCatalogs.get(this.db);
    if (shared?.revision === this.revision) return shared.products;
    const products = this.read();
    const entry = { revision: this.revision, products };
    sharedCatalogs.set(this.db, entry);
    products.catch(() => { if (sharedCatalogs.get(this.db) === entry) sharedCatalogs.delete(this.db); });
    return products;
  }

  private async read(): Promise<ProductsById> {
    const rows = await selectEntities(this.db.getRepository(Product).createQueryBuilder('product'), { prepared: true });
    return new Map(rows.map((p) => [p.id, p]));
  }
}

/** Batches per request: a page of 50 services costs one query per relation, not 50. */
export function createLoaders(db: DataSource, actor: Actor | null, catalogRevision: string | null) {
  const catalog = new RequestCatalog(db, catalogRevision);

  /**
   * The services of each account, by domain, then as provisioned; an account out of reach has none.
   * `listed`: the accounts were listed for this actor, within its reach, so the query need not check it again.
   */
  async function servicesOfAccounts(accountIds: readonly string[], properties: string[] | null, listed = false): Promise<Service[][]> {
    if (!actor) return accountIds.map(() => []);
    const query = selectingOnly(db.getRepository(Service).createQueryBuilder('service'), properties)
      .where('service.accountId = ANY(:accountIds)', { accountIds: [...accountIds] })
      // By account, then by domain: the services of one account come in one run, its domains in runs too.
      .orderBy('service.accountId').addOrderBy('service.domain').addOrderBy('service.createdAt').addOrderBy('service.id');
    // The catalog is read (when this process's copy is stale) while the services are.
    const [services] = await Promise.all([selectEntities(listed ? query : withinReach(query, 'service.accountId', actor), { prepared: true }), catalog.load()]);
    await catalog.attachProducts(services);
    return groupedByKey(accountIds, services, (s) => s.accountId);
  }
  const servicesOfAccount = new DataLoader<string, Service[]>((accountIds) => servicesOfAccounts(accountIds, null));
  const prefetched = new WeakMap<Account, Service[]>();

  return {
    catalog,
    category: new DataLoader<string, ProductCategory | null>(async (ids) =>
      byKey(ids, await db.getRepository(ProductCategory).findBy({ id: In([...ids]) }), (c) => c.id)),
    productsOfCategory: new DataLoader<string, Product[]>(async (ids) =>
      groupedByKey(ids, await db.getRepository(Product).find({ where: { categoryId: In([...ids]), active: true }, order: { position: 'ASC' } }), (p) => p.categoryId)),
    account: new DataLoader<string, Account | null>(async (ids) =>
      byKey(ids, await db.getRepository(Account).findBy({ id: In([...ids]) }), (a) => a.id)),
    openCancellation: new DataLoader<string, Cancellation | null>(async (serviceIds) =>
      byKey(serviceIds, await db.getRepository(Cancellation).findBy({ serviceId: In([...serviceIds]), status: 'CONFIRMED' }), (c) => c.serviceId)),
    order: new DataLoader<string, Order | null>(async (ids) =>
      byKey(ids, await db.getRepository(Order).findBy({ id: In([...ids]) }), (o) => o.id)),
    orderLines: new DataLoader<string, OrderLine[]>(async (orderIds) =>
      groupedByKey(orderIds, await db.getRepository(OrderLine).find({ where: { orderId: In([...orderIds]) }, order: { position: 'ASC' } }), (l) => l.orderId)),
    paymentsOfOrder: new DataLoader<string, Payment[]>(async (orderIds) =>
      groupedByKey(orderIds, await db.getRepository(Payment).find({ where: { orderId: In([...orderIds]) }, order: { createdAt: 'ASC' } }), (p) => p.orderId)),
    invoiceOfOrder: new DataLoader<string, Invoice | null>(async (orderIds) =>
      byKey(orderIds, await db.getRepository(Invoice).findBy({ orderId: In([...orderIds]) }), (i) => i.orderId)),
    invoiceLines: new DataLoader<string, InvoiceLine[]>(async (invoiceIds) =>
      groupedByKey(invoiceIds, await db.getRepository(InvoiceLine).find({ where: { invoiceId: In([...invoiceIds]) }, order: { position: 'ASC' } }), (l) => l.invoiceId)),
    /** Only services the actor may see; any other id loads as null, like a missing one. */
    serviceInReach: new DataLoader<string, Service | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      if (!actor || !valid.length) return ids.map(() => null);
      const query = db.getRepository(Service).createQueryBuilder('service').where('service.id IN (:...ids)', { ids: valid });
      const services = await withinReach(query, 'service.accountId', actor).getMany();
      await catalog.attachProducts(services);
      return byKey(ids, services, (s) => s.id);
    }),
    /**
     * Loads the services of a page of accounts listed for this actor (`listClients`: its reach is
     * already applied to them) in one query, with only `properties` (null: all), and keeps them for
     * those account objects alone: the same account reached elsewhere in the query has its services
     * loaded whole, its reach checked.
     */
    async prefetchServices(listedAccounts: readonly Account[], properties: string[] | null): Promise<void> {
      if (!listedAccounts.length) return;
      const services = await servicesOfAccounts(listedAccounts.map((account) => account.id), properties, true);
      listedAccounts.forEach((account, i) => prefetched.set(account, services[i]));
    },
    /** The account's services; at once, without a promise, when they were loaded with its page. */
    servicesOf(account: Account): Service[] | Promise<Service[]> {
      return prefetched.get(account) ?? servicesOfAccount.load(account.id);
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
