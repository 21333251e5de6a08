import type { DataSource } from 'typeorm';
import { EInvoice, SdiNotification } from '@/entities';
import { byKey, groupedByKey, selectByKeys } from '../loading';

/** Each invoice's current e-invoice file (null for invoices issued before e-invoicing), without its XML. */
export async function loadCurrentEInvoices(db: DataSource, invoiceIds: readonly string[]): Promise<(EInvoice | null)[]> {
  return byKey(invoiceIds, await selectByKeys(db, EInvoice, 'invoiceId', invoiceIds, { where: 'row.supersededById IS NULL' }), (f) => f.invoiceId);
}

/** The SdI's notifications of each file, oldest first, without their XML. */
export async function loadSdiNotifications(db: DataSource, eInvoiceIds: readonly string[]): Promise<SdiNotification[][]> {
  const rows = await selectByKeys(db, SdiNotification, 'eInvoiceId', eInvoiceIds, { orderBy: ['eInvoiceId', 'createdAt'] });
  return groupedByKey(eInvoiceIds, rows, (n) => n.eInvoiceId);
}
