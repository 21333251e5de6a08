import type { DataSource } from 'typeorm';
import type { ApiScope } from '@/domain/api-scopes';
import type { CalendarDate } from '@/domain/calendar';
import type { Locale } from '@/domain/money';
import { Account, User } from '@/entities';
import type { LoginRole } from '@/entities/user';
import type { AccountKind } from '@/entities/account';
import { hashTokenSecret, TOKEN_PREFIX } from '@/lib/api-token-secret';
import { queryPrepared } from '@/lib/db/prepared';
import { columnsAs, entityFromRow } from '@/lib/db/select-entities';
import { memoPerObject } from '@/lib/memo';
import { secondFactorState, type Actor } from '../actor';

function actorOf(user: User): Actor {
  return {
    userId: user.id,
    email: user.email,
    isAdmin: user.role === 'ADMIN',
    accountId: user.accountId,
    accountKind: user.account?.kind ?? null,
    accountRole: user.accountRole,
    locale: user.locale ?? user.account?.locale ?? 'it',
    sessionId: null,
    secondFactor: 'NOT_NEEDED',
    scopes: null,
    limitedToClientId: null,
  };
}

export async function actorForUser(db: DataSource, userId: string): Promise<Actor | null> {
  // One statement (findOne with a relation would add a second one to apply its implicit LIMIT).
  const user = await db.getRepository(User).createQueryBuilder('user').leftJoinAndSelect('user.account', 'account').where('user.id = :userId', { userId }).getOne();
  return user ? actorOf(user) : null;
}

/** A request's cost, charged to its caller's budget: `points` per `windowSeconds`. */
export interface Charge { cost: number; points: number; windowSeconds: number }

/** The caller's budget after the request: whether its cost was charged (it fit), the points spent in the window and since when. */
export interface RateUse { charged: boolean; used: number; windowStartedAt: Date }

// The charge, folded into the statement that reads the caller (`$2` cost, `$3` window in seconds, `$4` points):
// a window older than its length starts again; the cost is added only while it fits, and the row's lock makes
// concurrent requests of one caller add up. Refused, the request reads the budget as it found it.
const CURRENT_WINDOW = (row: string) => `${row}."rate_window_started_at" > now() - make_interval(secs => $3)`;
/** A time of last use, moved on at most once a minute: what the portal shows needs no finer one. */
const AT_MOST_EACH_MINUTE = (column: string) => `CASE WHEN ${column} IS NULL OR ${column} < now() - interval '1 minute' THEN now() ELSE ${column} END`;
/** The `charged` step of the caller's statement: `row` of `table`, found as `where`, its time of use moved on. */
const CHARGE = (table: string, row: string, usedColumn: string, where: string) => `
  charged AS (
    UPDATE "${table}" ${row} SET
      "rate_window_started_at" = CASE WHEN ${CURRENT_WINDOW(row)} THEN ${row}."rate_window_started_at" ELSE now() END,
      "rate_used" = CASE WHEN ${CURRENT_WINDOW(row)} THEN ${row}."rate_used" ELSE 0 END + $2,
      "${usedColumn}" = ${AT_MOST_EACH_MINUTE(`${row}."${usedColumn}"`)}
    FROM found
    WHERE ${where}
      AND CASE WHEN ${CURRENT_WINDOW(row)} THEN ${row}."rate_used" ELSE 0 END + $2 <= $4
    RETURNING ${row}."rate_used", ${row}."rate_window_started_at"
  )`;
const RATE_USE = `
  charged."rate_used" IS NOT NULL AS "charged",
  COALESCE(charged."rate_used", CASE WHEN ${CURRENT_WINDOW('found')} THEN found."rate_used" ELSE 0 END)::int AS "used",
  CASE WHEN charged."rate_used" IS NOT NULL THEN charged."rate_window_started_at" WHEN ${CURRENT_WINDOW('found')} THEN found."rate_window_started_at" ELSE now() END AS "windowStartedAt"`;

function rateUseOf(row: RateUse): RateUse {
  return { charged: row.charged, used: row.used, windowStartedAt: row.windowStartedAt };
}

/**
 * The signed-in login and its account, read whole by a portal session's statement: every portal page asks who is
 * signed in, so the request's loaders start with them. An API token's statement reads only what the actor needs.
 */
export interface CallerRows { login: User; account: Account | null }

const sessionStatements = memoPerObject<DataSource, string, string>();
/** The session's statement, given the login's and its account's columns (as the query builder names them). */
function sessionStatement(db: DataSource): string {
  return sessionStatements(db, 'session', () => SESSION_OWNER(`${columnsAs(db, User, 'u')}, ${columnsAs(db, Account, 'a')}`));
}

function callerRowsOf(db: DataSource, row: Record<string, unknown>): CallerRows {
  return { login: entityFromRow(db, User, 'u', row), account: row.a_id ? entityFromRow(db, Account, 'a', row) : null };
}

interface SessionOwner extends RateUse { email: string; role: User['role']; accountRole: LoginRole | null; accountId: string | null; kind: AccountKind | null; locale: Locale | null; enrolled: boolean; passed: boolean; catalogRevision: string }

// One statement, like the token's: the session's login, if the session is still open, the request's cost
// charged to the session's budget, the session marked seen (at most once a minute), and the catalog's revision.
const SESSION_OWNER = (loginColumns: string) => `
  WITH found AS (
    SELECT s.id AS session_id, s.rate_used, s.rate_window_started_at, u.email, u.role, u.account_role AS "accountRole", u.account_id AS "accountId", a.kind, COALESCE(u.locale, a.locale) AS locale,
      u.totp_secret IS NOT NULL AS enrolled, s.second_factor_at IS NOT NULL AS passed, ${loginColumns}
    FROM "user_sessions" s JOIN "users" u ON u.id = s.user_id LEFT JOIN "accounts" a ON a.id = u.account_id
    WHERE s.id = $1 AND s.user_id = $5 AND s.ended_at IS NULL
  ), ${CHARGE('user_sessions', 's', 'last_seen_at', 's.id = found.session_id')}
  SELECT found.*, ${RATE_USE},
    (SELECT revision FROM "catalog_revision") AS "catalogRevision"
  FROM found LEFT JOIN charged ON true`;

/**
 * The actor of an open portal session of `userId`, with the request's cost charged to the session's budget,
 * and the catalog's revision (as `apiTokenCaller` gives it); null when the session was ended (or never existed).
 */
export async function actorForSession(db: DataSource, userId: string, sessionId: string, charge: Charge): Promise<{ actor: Actor; rate: RateUse; catalogRevision: string; rows: CallerRows } | null> {
  const [owner] = await queryPrepared<SessionOwner & Record<string, unknown>>(db, sessionStatement(db), [sessionId, charge.cost, charge.windowSeconds, charge.points, userId]);
  if (!owner) return null;
  const isAdmin = owner.role === 'ADMIN';
  const actor: Actor = {
    userId, email: owner.email, isAdmin, accountId: owner.accountId, accountKind: owner.kind, accountRole: owner.accountRole, locale: owner.locale ?? 'it', sessionId,
    secondFactor: secondFactorState(isAdmin, owner.enrolled, owner.passed), scopes: null, limitedToClientId: null,
  };
  return { actor, rate: rateUseOf(owner), catalogRevision: owner.catalogRevision, rows: callerRowsOf(db, owner) };
}

interface TokenOwner extends RateUse {
  userId: string; email: string; role: User['role']; accountRole: LoginRole | null; accountId: string | null; kind: AccountKind | null; locale: Locale | null;
  scopes: ApiScope[] | null; clientId: string | null; expiresOn: CalendarDate | null; catalogRevision: string;
}

// One statement: the token's owner, its scopes, client and expiry, the request's cost charged to the token's
// budget (not once it expired, `$5` being today), the token marked used (at most once a minute), and the catalog's revision, by which
// the request knows whether the server's copy of the catalog is current.
const TOKEN_OWNER = `
  WITH found AS (
    SELECT t.id AS token_id, t.rate_used, t.rate_window_started_at, t.scopes, t.client_id AS "clientId", t.expires_on::text AS "expiresOn",
      u.id AS "userId", u.email, u.role, u.account_role AS "accountRole", u.account_id AS "accountId", a.kind, COALESCE(u.locale, a.locale) AS locale
    FROM "api_tokens" t JOIN "users" u ON u.id = t.user_id LEFT JOIN "accounts" a ON a.id = u.account_id
    WHERE t.secret_hash = $1 AND t.revoked_at IS NULL
  ), ${CHARGE('api_tokens', 't', 'last_used_at', 't.id = found.token_id AND (found."expiresOn" IS NULL OR found."expiresOn"::date >= $5::date)')}
  SELECT "userId", email, role, "accountRole", "accountId", kind, locale, scopes, "clientId", "expiresOn", ${RATE_USE},
    (SELECT revision FROM "catalog_revision") AS "catalogRevision"
  FROM found LEFT JOIN charged ON true`;

export interface TokenCaller { actor: Actor; catalogRevision: string; rate: RateUse }

/**
 * The actor behind a Bearer token and the catalog's revision, the request's cost charged to the token's budget;
 * null for an unknown or revoked token, `{ expiredOn }` for one past its last day (`today`, in Europe/Rome).
 */
export async function apiTokenCaller(db: DataSource, token: string, charge: Charge, today: CalendarDate): Promise<TokenCaller | { expiredOn: CalendarDate } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [owner] = await queryPrepared<TokenOwner>(db, TOKEN_OWNER, [hashTokenSecret(token), charge.cost, charge.windowSeconds, charge.points, today]);
  if (!owner) return null;
  if (owner.expiresOn && owner.expiresOn < today) return { expiredOn: owner.expiresOn };
  const actor: Actor = {
    userId: owner.userId,
    email: owner.email,
    isAdmin: owner.role === 'ADMIN',
    accountId: owner.accountId,
    accountKind: owner.kind,
    accountRole: owner.accountRole,
    locale: owner.locale ?? 'it',
    sessionId: null,
    secondFactor: 'NOT_NEEDED',
    scopes: owner.scopes,
    limitedToClientId: owner.clientId,
  };
  return { actor, catalogRevision: owner.catalogRevision, rate: rateUseOf(owner) };
}
