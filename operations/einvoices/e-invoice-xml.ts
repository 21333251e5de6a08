import type { DataSource } from 'typeorm';
import { EInvoice } from '@/entities';
import type { Actor } from '../actor';
import { invoiceInReach } from '../invoices/invoice-in-reach';

/** The current FatturaPA file of an invoice the actor may open, or null (no such invoice in reach, or no file). */
export async function eInvoiceXml(db: DataSource, actor: Actor, invoiceId: string): Promise<{ fileName: string; xml: string } | null> {
  const invoice = await invoiceInReach(db, actor, invoiceId);
  if (!invoice) return null;
  return db.getRepository(EInvoice).createQueryBuilder('file').select(['file.fileName', 'file.xml'])
    .where('file.invoiceId = :invoiceId AND file.supersededById IS NULL', { invoiceId: invoice.id }).getOne();
}
