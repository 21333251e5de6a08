import type { DataSource } from 'typeorm';
import { EInvoice } from '@/entities';
import type { EInvoiceStatus } from '@/entities/e-invoice';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { backOfficeOnly } from '../scope';

/**
 * The back office's list of e-invoices to act on: each invoice's current file (a rejected file already sent
 * again is not listed, its successor is), newest first, in one status when asked. Nothing for anyone but the
 * back office; a null actor is the command line.
 */
export function listEInvoices(db: DataSource, actor: Actor | null, status: EInvoiceStatus | null, page: PageArgs): Promise<Page<EInvoice>> {
  const query = db.getRepository(EInvoice).createQueryBuilder('file').where('file.supersededById IS NULL');
  if (status) query.andWhere('file.status = :status', { status });
  return keysetPage(actor ? backOfficeOnly(query, actor) : query, {
    columns: ['file.createdAt', 'file.id'],
    direction: 'DESC',
    values: (f) => [f.createdAt.toISOString(), f.id],
  }, page);
}
