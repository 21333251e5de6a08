import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '@/domain/identity';
import type { Actor } from './actor';

/**
 * Keeps only rows owned by accounts the actor may see and act on: its own account, a reseller's
 * clients as well, every account for the back office. `accountColumn` is the row's owning account.
 */
export function withinReach<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, accountColumn: string, actor: Actor): SelectQueryBuilder<T> {
  if (actor.isAdmin) return query;
  if (!actor.accountId) return query.andWhere('false');
  if (actor.accountKind === 'RESELLER') {
    // The clients' ids come from the index on (reseller_id, name, id) alone, without reading their rows.
    return query.andWhere(
      `(${accountColumn} = :reachAccountId OR ${accountColumn} IN (SELECT "reach"."id" FROM "accounts" "reach" WHERE "reach"."reseller_id" = :reachAccountId))`,
      { reachAccountId: actor.accountId },
    );
  }
  return query.andWhere(`${accountColumn} = :reachAccountId`, { reachAccountId: actor.accountId });
}

/**
 * What a list shows: the named account when it is within reach (a reseller's client), otherwise
 * the actor's own account; the back office sees every account unless it names one.
 */
export function listedFor<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, accountColumn: string, actor: Actor, accountId?: string | null): SelectQueryBuilder<T> {
  if (accountId && !isUuid(accountId)) return query.andWhere('false'); // ids are opaque: another string names no account
  if (accountId) return withinReach(query.andWhere(`${accountColumn} = :listedAccountId`, { listedAccountId: accountId }), accountColumn, actor);
  if (actor.isAdmin) return query;
  return query.andWhere(`${accountColumn} = :listedAccountId`, { listedAccountId: actor.accountId });
}
