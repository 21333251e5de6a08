import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Account } from '@/entities';
import type { Actor } from '../actor';

/** One of a reseller's clients (any account for the back office); null when missing or not the caller's. */
export async function findClient(db: DataSource, actor: Actor, accountId: string): Promise<Account | null> {
  if (!isUuid(accountId)) return null;
  if (actor.isAdmin) return db.getRepository(Account).findOneBy({ id: accountId });
  if (actor.accountKind !== 'RESELLER' || !actor.accountId) return null;
  return db.getRepository(Account).findOneBy({ id: accountId, resellerId: actor.accountId });
}
