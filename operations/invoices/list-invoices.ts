import type { DataSource } from 'typeorm';
import { Invoice } from '@/entities';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';

/** The account's invoices, newest first, optionally of one calendar year. */
export function listInvoices(db: DataSource, actor: Actor, filter: { year?: number | null; clientId?: string | null }, page: PageArgs): Promise<Page<Invoice>> {
  const query = listedFor(db.getRepository(Invoice).createQueryBuilder('invoice'), 'invoice.accountId', actor, filter.clientId);
  if (filter.year != null) {
    if (!Number.isInteger(filter.year) || filter.year < 2000 || filter.year > 9999) throw new UserInputError('INVALID', 'year must be a year such as 2026', 'year');
    query.andWhere('invoice.year = :year', { year: filter.year });
  }
  return keysetPage(query, { columns: ['invoice.year', 'invoice.number'], direction: 'DESC', values: (i) => [i.year, i.number] }, page);
}
