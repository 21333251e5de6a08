import type { DataSource } from 'typeorm';
import { Account } from '@/entities';
import { byKey, selectByKeys } from '../loading';

/**
 * The accounts with these ids (null for a missing one). Reached from objects already within the
 * actor's reach (a service's owner, a client's reseller, the viewer's own account), so not narrowed again.
 */
export async function loadAccounts(db: DataSource, ids: readonly string[]): Promise<(Account | null)[]> {
  return byKey(ids, await selectByKeys(db, Account, 'id', ids), (a) => a.id);
}
