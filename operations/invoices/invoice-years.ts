import type { DataSource } from 'typeorm';
import { Invoice } from '@/entities';
import type { Actor } from '../actor';
import { listedFor } from '../scope';

/** The calendar years the account (or the client asked for) has invoices in, newest first. */
export async function invoiceYears(db: DataSource, actor: Actor, clientId?: string | null): Promise<number[]> {
  const query = listedFor(db.getRepository(Invoice).createQueryBuilder('invoice'), 'invoice.accountId', actor, clientId)
    .select('DISTINCT invoice.year', 'year')
    .orderBy('invoice.year', 'DESC');
  return (await query.getRawMany<{ year: number }>()).map((row) => row.year);
}
