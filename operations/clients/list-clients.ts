import type { DataSource } from 'typeorm';
import { Account } from '@/entities';
import { selectingOnly } from '@/lib/db/select-entities';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { clientsOf, readWithinReach } from '../scope';
import { containing } from '../sql';

/**
 * A reseller's client accounts, by name; for the back office, every account (customers, resellers
 * and their clients). `search` matches part of the name or the email. `properties` (null: all) are the
 * ones the caller will read; the id and the name, which make the cursor, always come.
 */
export async function listClients(db: DataSource, actor: Actor, search: string | null | undefined, page: PageArgs, properties: readonly string[] | null = null): Promise<Page<Account>> {
  const text = search?.trim() ?? '';
  if (text.length > 200) throw new UserInputError('INVALID', '`search` must be at most 200 characters', 'search');
  const query = clientsOf(selectingOnly(db.getRepository(Account).createQueryBuilder('account'), properties && [...new Set(['id', 'name', ...properties])]), 'account', actor);
  if (text) query.andWhere('(account.name ILIKE :text OR account.email ILIKE :text)', { text: containing(text) });
  const listed = await keysetPage(query, { columns: ['account.name', 'account.id'], direction: 'ASC', values: (a) => [a.name, a.id] }, page);
  readWithinReach(actor, listed.rows);
  return listed;
}
