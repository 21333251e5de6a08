import { In, type DataSource } from 'typeorm';
import { Invoice, InvoiceLine } from '@/entities';
import { byKey, groupedByKey } from '../loading';

/** The lines of each invoice, in the invoice's order. */
export async function loadInvoiceLines(db: DataSource, invoiceIds: readonly string[]): Promise<InvoiceLine[][]> {
  return groupedByKey(invoiceIds, await db.getRepository(InvoiceLine).find({ where: { invoiceId: In([...invoiceIds]) }, order: { position: 'ASC' } }), (l) => l.invoiceId);
}

/** The invoices (and credit notes) with these ids, in their order (null for a missing one). */
export async function loadInvoices(db: DataSource, ids: readonly string[]): Promise<(Invoice | null)[]> {
  return byKey(ids, await db.getRepository(Invoice).findBy({ id: In([...ids]) }), (i) => i.id);
}
