import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { isFullAdmin, type Actor } from './actor';
import { ForbiddenError } from './errors';

/**
 * Who may reach what, for every operation. Rows belong to an account; an actor reaches:
 * - `withClients`: its own account's rows, a reseller its clients' too (services, orders, invoices, messages…);
 * - `own`: its own account's rows alone (quotes, made and paid by the account that asked for them);
 * - `clients`: a reseller's client accounts (the column is then the account's reseller);
 * and the back office every row; an API token limited to one client of a reseller reaches that client's
 * rows alone. Anything else is indistinguishable from a missing row. Beside them:
 * a login's own rows (its API tokens, `ofOwnLogin`) and the back office's own lists (`backOfficeOnly`).
 */
export type Reach = 'withClients' | 'own' | 'clients';

/** A condition on a column and the value of its one parameter (none for `false`). */
interface Condition { sql: string; value: string | null }
const NOTHING: Condition = { sql: 'false', value: null };

/**
 * The condition on `column` that keeps the rows the actor reaches, its one value written as `parameter`;
 * null when it reaches every row. An API token limited to one client of a reseller reaches that client's
 * rows alone, whatever the reach (for `clients`, `column` is then the account's own id: see `clientsOf`).
 */
function reachCondition(actor: Actor, reach: Reach, column: string, parameter: string): Condition | null {
  if (actor.isAdmin) return null;
  if (!actor.accountId || (reach === 'clients' && actor.accountKind !== 'RESELLER')) return NOTHING;
  if (actor.limitedToClientId) return { sql: `${column} = ${parameter}`, value: actor.limitedToClientId };
  if (reach === 'withClients' && actor.accountKind === 'RESELLER') {
    // The clients' ids come from the index on (reseller_id, name, id) alone, without reading their rows.
    return { sql: `(${column} = ${parameter} OR ${column} IN (SELECT "reach"."id" FROM "accounts" "reach" WHERE "reach"."reseller_id" = ${parameter}))`, value: actor.accountId };
  }
  return { sql: `${column} = ${parameter}`, value: actor.accountId };
}

function narrowed<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, actor: Actor, reach: Reach, column: string): SelectQueryBuilder<T> {
  const condition = reachCondition(actor, reach, column, ':reachAccountId');
  if (condition === null) return query;
  return condition.value === null ? query.andWhere(condition.sql) : query.andWhere(condition.sql, { reachAccountId: condition.value });
}

/**
 * Keeps only rows owned by accounts the actor may see and act on: its own account, a reseller's
 * clients as well, every account for the back office. `accountColumn` is the row's owning account.
 */
export function withinReach<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, accountColumn: string, actor: Actor): SelectQueryBuilder<T> {
  return narrowed(query, actor, 'withClients', accountColumn);
}

/** Keeps only rows of the actor's own account (every row for the back office): a reseller's clients' are not its own. */
export function ownedBy<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, accountColumn: string, actor: Actor): SelectQueryBuilder<T> {
  return narrowed(query, actor, 'own', accountColumn);
}

/** Keeps only the accounts (`alias`) that are the actor's clients (every account for the back office). */
export function clientsOf<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, actor: Actor): SelectQueryBuilder<T> {
  return narrowed(query, actor, 'clients', actor.limitedToClientId ? `${alias}.id` : `${alias}.resellerId`);
}

/** Keeps only rows of the actor's own login (its API tokens), the back office's included: a login's, not an account's. */
export function ofOwnLogin<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, userColumn: string, actor: Actor): SelectQueryBuilder<T> {
  return query.andWhere(`${userColumn} = :reachUserId`, { reachUserId: actor.userId });
}

/** Keeps every row for the back office and none for anyone else: its own lists (audit trail, support's cancellations, runs). */
export function backOfficeOnly<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, actor: Actor): SelectQueryBuilder<T> {
  return actor.isAdmin ? query : query.andWhere('false');
}

/**
 * What a list shows: the named account when it is within reach (a reseller's client), otherwise
 * the actor's own account (a token's one client); the back office sees every account unless it names one.
 */
export function listedFor<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, accountColumn: string, actor: Actor, named?: string | null): SelectQueryBuilder<T> {
  const accountId = named ?? actor.limitedToClientId;
  if (accountId && !isUuid(accountId)) return query.andWhere('false'); // ids are opaque: another string names no account
  if (accountId) return withinReach(query.andWhere(`${accountColumn} = :listedAccountId`, { listedAccountId: accountId }), accountColumn, actor);
  return ownedBy(query, accountColumn, actor);
}

/**
 * For a statement written by hand: the condition on `column` (as `withinReach`, `ownedBy`,
 * `clientsOf` apply it) with the actor's account as parameter `$parameter`, and the values to append.
 */
export function reachSql(actor: Actor, reach: Reach, column: string, parameter: number): { condition: string; parameters: unknown[] } {
  const condition = reachCondition(actor, reach, column, `$${parameter}`);
  if (condition === null) return { condition: 'true', parameters: [] };
  return { condition: condition.sql, parameters: condition.value === null ? [] : [condition.value] };
}

/**
 * The account a request is made for: the actor's own (the client's, for a token limited to one), or for the
 * back office the owner of what it acts on.
 */
export function accountActedFor(actor: Actor, ownerAccountId: string): string {
  return actor.limitedToClientId ?? actor.accountId ?? ownerAccountId;
}

// Arrays of rows that a list read for an actor through the helpers above, all of them within its reach.
const readFor = new WeakMap<readonly object[], Actor>();

/** Notes that `rows` were read for the actor through the helpers above. */
export function readWithinReach(actor: Actor, rows: readonly object[]): void {
  readFor.set(rows, actor);
}

/** Whether `rows` are an array noted by `readWithinReach` for this actor: what hangs off them needs no second check. */
export function wereReadWithinReach(actor: Actor, rows: readonly object[]): boolean {
  return readFor.get(rows) === actor;
}

/**
 * The back office's own actions (accounts, provisioning, the catalog, payments received, credit notes, the SdI's
 * files, the daily run): the full admin (not support), or the system itself (no actor: the command line, the background work).
 */
export function assertBackOffice(actor: Actor | null): void {
  if (actor && !isFullAdmin(actor)) throw new ForbiddenError();
}
