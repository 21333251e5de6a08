import type { DataSource } from 'typeorm';
import { Invoice, InvoiceLine } from '@/entities';
import { byKey, groupedByKey, selectByKeys } from '../loading';

/** The lines of each invoice, in the invoice's order. */
export async function loadInvoiceLines(db: DataSource, invoiceIds: readonly string[]): Promise<InvoiceLine[][]> {
  return groupedByKey(invoiceIds, await selectByKeys(db, InvoiceLine, 'invoiceId', invoiceIds, { orderBy: ['invoiceId', 'position'] }), (l) => l.invoiceId);
}

/** The invoices (and credit notes) with these ids, in their order (null for a missing one). */
export async function loadInvoices(db: DataSource, ids: readonly string[]): Promise<(Invoice | null)[]> {
  return byKey(ids, await selectByKeys(db, Invoice, 'id', ids), (i) => i.id);
}
