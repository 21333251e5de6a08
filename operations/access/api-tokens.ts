import type { DataSource, EntityManager } from 'typeorm';
import { API_SCOPES, isApiScope, scopesGrant, type ApiScope } from '@/domain/api-scopes';
import { isCalendarDate, type CalendarDate } from '@/domain/calendar';
import { isUuid } from '@/domain/identity';
import { Account, ApiToken } from '@/entities';
import { newTokenSecret } from '@/lib/api-token-secret';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { clientsOf, ofOwnLogin } from '../scope';

export interface NewApiToken {
  name: string;
  /** Omitted: full access, as tokens made before scopes existed. */
  scopes?: readonly string[] | null;
  /** A reseller's client the token is limited to. */
  clientId?: string | null;
  /** The token's last day (Europe/Rome), after today. */
  expiresOn?: CalendarDate | null;
}

/** The scopes asked for, each known; a scoped token (the actor) gives only scopes it holds, and never full access. */
function checkedScopes(actor: Actor, asked: readonly string[] | null | undefined): ApiScope[] | null {
  if (asked == null) {
    if (actor.scopes) throw new UserInputError('SCOPE_NOT_HELD', 'a scoped token cannot create a token with full access: give scopes', 'scopes');
    return null;
  }
  const unknown = asked.find((scope) => !isApiScope(scope));
  if (unknown !== undefined) throw new UserInputError('INVALID', `unknown scope ${unknown}; scopes are ${API_SCOPES.join(', ')}`, 'scopes');
  if (!asked.length) throw new UserInputError('REQUIRED', 'give at least one scope, or none at all for full access', 'scopes');
  const scopes = [...new Set(asked as ApiScope[])];
  const notHeld = scopes.find((scope) => !scopesGrant(actor.scopes, scope));
  if (notHeld) throw new UserInputError('SCOPE_NOT_HELD', `the token creating it does not hold ${notHeld}`, 'scopes');
  return scopes;
}

/** The client the token is limited to: one of the reseller's, and the actor's own limit when it has one. */
async function checkedClient(manager: EntityManager, actor: Actor, asked: string | null | undefined): Promise<string | null> {
  const clientId = asked ?? actor.limitedToClientId;
  if (!clientId) return null;
  const notFound = new UserInputError('NOT_FOUND', 'no client with this id', 'clientId');
  if (actor.isAdmin || actor.accountKind !== 'RESELLER') throw new UserInputError('NOT_AVAILABLE', "only a reseller's token is limited to one of its clients", 'clientId');
  if (!isUuid(clientId) || (actor.limitedToClientId && clientId !== actor.limitedToClientId)) throw notFound;
  const client = await clientsOf(manager.createQueryBuilder(Account, 'account').where('account.id = :clientId', { clientId }), 'account', actor).getOne();
  if (!client) throw notFound;
  return client.id;
}

/**
 * A new token for the actor's own login, with its scopes, client and last day when given; the secret is
 * returned this once and stored hashed.
 */
export async function createApiToken(db: DataSource, actor: Actor, input: NewApiToken): Promise<{ token: string; record: ApiToken }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserInputError('INVALID', 'name is required (at most 100 characters)', 'name');
  const scopes = checkedScopes(actor, input.scopes);
  const expiresOn = input.expiresOn ?? null;
  if (expiresOn && !isCalendarDate(expiresOn)) throw new UserInputError('INVALID', 'expiresOn must be a calendar date written YYYY-MM-DD', 'expiresOn');
  if (expiresOn && expiresOn <= today()) throw new UserInputError('PAST_DATE', `expiresOn must be after today (${today()})`, 'expiresOn');
  const { token, displayPrefix, secretHash } = newTokenSecret();
  return db.transaction(async (manager) => {
    const clientId = await checkedClient(manager, actor, input.clientId);
    const record = await manager.save(ApiToken, manager.create(ApiToken, { userId: actor.userId, name, displayPrefix, secretHash, scopes, clientId, expiresOn }));
    await recordAudit(manager, actor, { action: 'api_token.created', entityType: 'ApiToken', entityId: record.id, accountId: actor.accountId, after: { name, displayPrefix, scopes, clientId, expiresOn } });
    return { token, record };
  });
}

/** Revokes one of the actor's own tokens, effective at once. */
export async function revokeApiToken(db: DataSource, actor: Actor, tokenId: string): Promise<ApiToken> {
  if (!isUuid(tokenId)) throw new UserInputError('NOT_FOUND', 'no such API token', 'id');
  return db.transaction(async (manager) => {
    const query = manager.createQueryBuilder(ApiToken, 'token').setLock('pessimistic_write').where('token.id = :tokenId', { tokenId });
    const record = await ofOwnLogin(query, 'token.userId', actor).getOne();
    if (!record) throw new UserInputError('NOT_FOUND', 'no such API token', 'id');
    if (!record.revokedAt) {
      record.revokedAt = new Date();
      await manager.save(record);
      await recordAudit(manager, actor, { action: 'api_token.revoked', entityType: 'ApiToken', entityId: record.id, accountId: actor.accountId, before: { revokedAt: null }, after: { revokedAt: record.revokedAt.toISOString() } });
    }
    return record;
  });
}

/** Whether a token's last day has passed (today in Europe/Rome). */
export function isPastExpiry(expiresOn: CalendarDate | null): boolean {
  return expiresOn !== null && expiresOn < today();
}

export function listApiTokens(db: DataSource, actor: Actor): Promise<ApiToken[]> {
  return ofOwnLogin(db.getRepository(ApiToken).createQueryBuilder('token'), 'token.userId', actor).orderBy('token.createdAt', 'DESC').getMany();
}
