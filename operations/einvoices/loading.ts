import { In, IsNull, type DataSource } from 'typeorm';
import { EInvoice, SdiNotification } from '@/entities';
import { byKey, groupedByKey } from '../loading';

/** Each invoice's current e-invoice file (null for invoices issued before e-invoicing), without its XML. */
export async function loadCurrentEInvoices(db: DataSource, invoiceIds: readonly string[]): Promise<(EInvoice | null)[]> {
  return byKey(invoiceIds, await db.getRepository(EInvoice).find({ where: { invoiceId: In([...invoiceIds]), supersededById: IsNull() } }), (f) => f.invoiceId);
}

/** The SdI's notifications of each file, oldest first, without their XML. */
export async function loadSdiNotifications(db: DataSource, eInvoiceIds: readonly string[]): Promise<SdiNotification[][]> {
  const rows = await db.getRepository(SdiNotification).find({ where: { eInvoiceId: In([...eInvoiceIds]) }, order: { eInvoiceId: 'ASC', createdAt: 'ASC' } });
  return groupedByKey(eInvoiceIds, rows, (n) => n.eInvoiceId);
}
