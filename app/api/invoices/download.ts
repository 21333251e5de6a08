import type { DataSource } from 'typeorm';
import type { Actor } from '@/operations/actor';
import { requestActor } from '../request-actor';

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
  const caller = await requestActor(request, 'sign in to download invoices', 'invoices:read');
  if (caller instanceof Response) return caller;
  const file = await load(caller.db, caller.actor, (await params).id);
  if (!file) return Response.json({ message: 'not found' }, { status: 404 });
  return respond(file);
}
