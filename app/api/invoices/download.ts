import type { DataSource } from 'typeorm';
import { scopesGrant } from '@/domain/api-scopes';
import { createContext } from '@/graphql/context';
import type { Actor } from '@/operations/actor';

/**
 * An invoice's file for its owner, the owner's reseller and the back office (the API token or the portal's
 * session): 401 without credentials, 404 for an invoice out of reach or without that file, else the response.
 */
export async function invoiceDownload<T>(
  request: Request,
  params: Promise<{ id: string }>,
  load: (db: DataSource, actor: Actor, invoiceId: string) => Promise<T | null>,
  respond: (file: T) => Response | Promise<Response>,
): Promise<Response> {
  let context;
  try {
    context = await createContext(request);
  } catch {
    return Response.json({ message: 'the API token is not valid' }, { status: 401 });
  }
  if (!context.actor) return Response.json({ message: 'sign in to download invoices' }, { status: 401 });
  if (context.actor.secondFactor === 'MUST_ENROL') return Response.json({ message: 'enable two-factor login first' }, { status: 403 });
  if (!scopesGrant(context.actor.scopes, 'invoices:read')) return Response.json({ message: 'the API token lacks the scope invoices:read', requiredScope: 'invoices:read' }, { status: 403 });
  const file = await load(context.db, context.actor, (await params).id);
  if (!file) return Response.json({ message: 'not found' }, { status: 404 });
  return respond(file);
}
