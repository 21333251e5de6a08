import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Locale } from '@/domain/money';
import { sessionClaim } from '@/lib/auth/session';
import { today } from '@/lib/clock';
import { rateLimitSettings } from '@/lib/config';
import { getDataSource } from '@/lib/db/data-source';
import { actorForSession, apiTokenCaller, type CallerRows, type RateUse } from '@/operations/access/resolve-actor';
import type { Actor } from '@/operations/actor';
import { createLoaders, type Loaders } from './loaders';

/** The rate limit's state after the request was charged: what the response reports (graphql/rate-limit.ts). */
export interface RateState extends RateUse { cost: number; points: number; windowSeconds: number }

export interface Context {
  db: DataSource;
  actor: Actor | null;
  locale: Locale;
  loaders: Loaders;
  /** The caller's budget once the request was charged; null for an anonymous request, or before. */
  rate: RateState | null;
  /**
   * Looks the caller up, charging the operation's cost to its budget, once the cost is known (graphql/access.ts);
   * null once done, or when nobody signed the request. Apollo runs each operation on a copy of the context: the
   * one to complete is given.
   */
  identify: ((context: Context, cost: number) => Promise<void>) | null;
}

function unauthenticated(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', ...extensions, http: { status: 401 } } });
}

/** Who the request says it is, read without the database: a Bearer API token, a portal session's signed cookie, or nobody. */
type Credentials = { token: string } | { userId: string; sessionId: string | null } | null;

async function credentialsOf(request: Request): Promise<Credentials> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
    if (scheme.toLowerCase() !== 'bearer' || !token || rest.length) throw unauthenticated('Authorization must be "Bearer <API token>"');
    return { token };
  }
  return sessionClaim(request);
}

interface Caller { actor: Actor; catalogRevision: string | null; rate: RateUse; rows?: CallerRows }

/**
 * The actor behind the credentials, `cost` charged to its budget: a valid API token (not revoked, not past
 * its last day), or a portal session still open (signed out, or ended from another device, it is refused at once).
 */
async function callerOf(db: DataSource, credentials: NonNullable<Credentials>, cost: number): Promise<Caller> {
  const charge = { cost, ...rateLimitSettings() };
  if ('token' in credentials) {
    const caller = await apiTokenCaller(db, credentials.token, charge, today());
    if (!caller) throw unauthenticated('The API token is not valid or has been revoked');
    if ('expiredOn' in caller) throw unauthenticated(`The API token expired: its last day was ${caller.expiredOn}`, { reason: 'TOKEN_EXPIRED', expiredOn: caller.expiredOn });
    return caller;
  }
  const session = credentials.sessionId ? await actorForSession(db, credentials.userId, credentials.sessionId, charge) : null;
  if (!session) throw unauthenticated('The session has ended: sign in again');
  return session;
}

/** The language of formatted values: an explicit Accept-Language, else the account's. */
function localeOf(request: Request, actor: Actor | null): Locale {
  const preferred = request.headers.get('accept-language')?.trim().slice(0, 2).toLowerCase();
  if (preferred === 'en' || preferred === 'it') return preferred;
  return actor?.locale ?? 'it';
}

/**
 * The context of a GraphQL request: the caller is looked up by `identify`, once the operation's cost is known,
 * in the one statement that also charges the cost (ARCHITECTURE.md, One request).
 */
export async function createGraphQLContext(request: Request): Promise<Context> {
  const db = await getDataSource();
  const credentials = await credentialsOf(request);
  const context: Context = { db, actor: null, locale: localeOf(request, null), loaders: createLoaders(db, null, null), rate: null, identify: null };
  if (!credentials) return context;
  context.identify = async (operationContext, cost) => {
    operationContext.identify = null;
    const { actor, catalogRevision, rate, rows } = await callerOf(db, credentials, cost);
    const loaders = createLoaders(db, actor, catalogRevision);
    // A session's statement read its login and account whole: asking who is signed in costs no further statement.
    if (rows) loaders.login.prime(rows.login.id, rows.login);
    if (rows?.account) loaders.account.prime(rows.account.id, rows.account);
    Object.assign(operationContext, { actor, locale: localeOf(request, actor), loaders, rate: { ...rate, cost, ...rateLimitSettings() } });
  };
  return context;
}

/** The context of a request outside GraphQL (a download): the caller looked up at once, charged nothing. */
export async function createContext(request: Request): Promise<Context> {
  const context = await createGraphQLContext(request);
  await context.identify?.(context, 0);
  return context;
}
