import type { DataSource } from 'typeorm';
import type { Locale } from '@/domain/money';
import { User } from '@/entities';
import type { LoginRole } from '@/entities/user';
import type { AccountKind } from '@/entities/account';
import { hashTokenSecret, TOKEN_PREFIX } from '@/lib/api-token-secret';
import { queryPrepared } from '@/lib/db/prepared';
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
  };
}

export async function actorForUser(db: DataSource, userId: string): Promise<Actor | null> {
  // One statement (findOne with a relation would add a second one to apply its implicit LIMIT).
  const user = await db.getRepository(User).createQueryBuilder('user').leftJoinAndSelect('user.account', 'account').where('user.id = :userId', { userId }).getOne();
  return user ? actorOf(user) : null;
}

interface SessionOwner { email: string; role: User['role']; accountRole: LoginRole | null; accountId: string | null; kind: AccountKind | null; locale: Locale | null; enrolled: boolean; passed: boolean }

// One statement, like the token's: the session's login, if the session is still open, and the session
// marked seen (at most once a minute, to spare writes).
const SESSION_OWNER = `
  WITH found AS (
    SELECT s.id AS session_id, s.last_seen_at, u.email, u.role, u.account_role AS "accountRole", u.account_id AS "accountId", a.kind, COALESCE(u.locale, a.locale) AS locale,
      u.totp_secret IS NOT NULL AS enrolled, s.second_factor_at IS NOT NULL AS passed
    FROM "user_sessions" s JOIN "users" u ON u.id = s.user_id LEFT JOIN "accounts" a ON a.id = u.account_id
    WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL
  ), seen AS (
    UPDATE "user_sessions" SET "last_seen_at" = now() FROM found
    WHERE "user_sessions".id = found.session_id AND found.last_seen_at < now() - interval '1 minute'
  )
  SELECT email, role, "accountRole", "accountId", kind, locale, enrolled, passed FROM found`;

/** The actor of an open portal session of `userId`; null when the session was ended (or never existed). */
export async function actorForSession(db: DataSource, userId: string, sessionId: string): Promise<Actor | null> {
  const [owner] = await queryPrepared<SessionOwner>(db, SESSION_OWNER, [sessionId, userId]);
  if (!owner) return null;
  const isAdmin = owner.role === 'ADMIN';
  return {
    userId, email: owner.email, isAdmin, accountId: owner.accountId, accountKind: owner.kind, accountRole: owner.accountRole, locale: owner.locale ?? 'it', sessionId,
    secondFactor: secondFactorState(isAdmin, owner.enrolled, owner.passed),
  };
}

interface TokenOwner { userId: string; email: string; role: User['role']; accountRole: LoginRole | null; accountId: string | null; kind: AccountKind | null; locale: Locale | null; catalogRevision: string }

// One statement: the token's owner, the token marked used (at most once a minute, to spare writes), and
// the catalog's revision, by which the request knows whether the server's copy of the catalog is current.
const TOKEN_OWNER = `
  WITH found AS (
    SELECT t.id AS token_id, t.last_used_at, u.id AS "userId", u.email, u.role, u.account_role AS "accountRole", u.account_id AS "accountId", a.kind, COALESCE(u.locale, a.locale) AS locale
    FROM "api_tokens" t JOIN "users" u ON u.id = t.user_id LEFT JOIN "accounts" a ON a.id = u.account_id
    WHERE t.secret_hash = $1 AND t.revoked_at IS NULL
  ), used AS (
    UPDATE "api_tokens" SET "last_used_at" = now() FROM found
    WHERE "api_tokens".id = found.token_id AND (found.last_used_at IS NULL OR found.last_used_at < now() - interval '1 minute')
  )
  SELECT "userId", email, role, "accountRole", "accountId", kind, locale, (SELECT revision FROM "catalog_revision") AS "catalogRevision" FROM found`;

export interface TokenCaller { actor: Actor; catalogRevision: string }

/** The actor behind a Bearer token (null for an unknown or revoked one) and the catalog's revision; marks the token used. */
export async function apiTokenCaller(db: DataSource, token: string): Promise<TokenCaller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [owner] = await queryPrepared<TokenOwner>(db, TOKEN_OWNER, [hashTokenSecret(token)]);
  if (!owner) return null;
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
  };
  return { actor, catalogRevision: owner.catalogRevision };
}
