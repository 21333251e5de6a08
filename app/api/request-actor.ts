import type { DataSource } from 'typeorm';
import { scopesGrant, type ApiScope } from '@/domain/api-scopes';
import { createContext } from '@/graphql/context';
import type { Actor } from '@/operations/actor';

/**
 * Who sends a request to a route handler (an API token or the portal's session): the actor, or the answer
 * refusing it (401 without valid credentials, 403 for a back-office login that must enrol its second factor, or for
 * an API token without the `scope` the route needs).
 */
export async function requestActor(request: Request, missing: string, scope: ApiScope): Promise<{ db: DataSource; actor: Actor } | Response> {
  let context;
  try {
    context = await createContext(request);
  } catch {
    return Response.json({ message: 'the API token is not valid' }, { status: 401 });
  }
  if (!context.actor) return Response.json({ message: missing }, { status: 401 });
  if (context.actor.secondFactor === 'MUST_ENROL') return Response.json({ message: 'enable two-factor login first' }, { status: 403 });
  if (!scopesGrant(context.actor.scopes, scope)) return Response.json({ message: `the API token lacks the scope ${scope}`, requiredScope: scope }, { status: 403 });
  return { db: context.db, actor: context.actor };
}
