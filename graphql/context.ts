import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Locale } from '@/domain/money';
import { sessionClaim } from '@/lib/auth/session';
import { getDataSource } from '@/lib/db/data-source';
import { apiTokenCaller, sessionCaller } from '@/operations/access/resolve-actor';
import type { Actor } from '@/operations/actor';
import { createLoaders, type Loaders } from './loaders';

export interface Context {
  db: DataSource;
  actor: Actor | null;
  locale: Locale;
  loaders: Loaders;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

interface Caller { actor: Actor | null; catalogRevision: string | null }

/**
 * A Bearer API token when the request carries one (and it must be valid), otherwise the portal session:
 * a signed cookie whose session was ended (signed out, ended from another device) is refused at once.
 */
async function callerOf(db: DataSource, request: Request): Promise<Caller> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
    if (scheme.toLowerCase() !== 'bearer' || !token || rest.length) throw unauthenticated('Authorization must be "Bearer <API token>"');
    const caller = await apiTokenCaller(db, token);
    if (!caller) throw unauthenticated('The API token is not valid or has been revoked');
    return caller;
  }
  const claim = await sessionClaim(request);
  if (!claim) return { actor: null, catalogRevision: null };
  const caller = claim.sessionId ? await sessionCaller(db, claim.userId, claim.sessionId) : null;
  if (!caller) throw unauthenticated('The session has ended: sign in again');
  return caller;
}

/** The language of formatted values: an explicit Accept-Language, else the account's. */
function localeOf(request: Request, actor: Actor | null): Locale {
  const preferred = request.headers.get('accept-language')?.trim().slice(0, 2).toLowerCase();
  if (preferred === 'en' || preferred === 'it') return preferred;
  return actor?.locale ?? 'it';
}

export async function createContext(request: Request): Promise<Context> {
  const db = await getDataSource();
  const { actor, catalogRevision } = await callerOf(db, request);
  return { db, actor, locale: localeOf(request, actor), loaders: createLoaders(db, actor, catalogRevision) };
}
