import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Account } from '@/entities';
import type { Actor } from '../actor';
import { clientsOf } from '../scope';

/** One of a reseller's clients (any account for the back office); null when missing or not the caller's. */
export async function findClient(db: DataSource, actor: Actor, accountId: string): Promise<Account | null> {
  if (!isUuid(accountId)) return null;
  return clientsOf(db.getRepository(Account).createQueryBuilder('account').where('account.id = :accountId', { accountId }), 'account', actor).getOne();
}
