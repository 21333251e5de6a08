import { In, type DataSource } from 'typeorm';
import { InvoiceLine } from '@/entities';
import { groupedByKey } from '../loading';

/** The lines of each invoice, in the invoice's order. */
export async function loadInvoiceLines(db: DataSource, invoiceIds: readonly string[]): Promise<InvoiceLine[][]> {
  return groupedByKey(invoiceIds, await db.getRepository(InvoiceLine).find({ where: { invoiceId: In([...invoiceIds]) }, order: { position: 'ASC' } }), (l) => l.invoiceId);
}
