import { createHash } from 'node:crypto';
import { getDataSource } from '@/lib/db/data-source';
import { expiryFeed } from '@/operations/calendar/expiry-feed';
import { WITH_CLIENTS } from '@/operations/calendar/feed-url';

export const dynamic = 'force-dynamic';

const NOT_FOUND = () => new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * The account's expiry calendar at its secret address `/api/calendar/<secret>.ics` (docs/api.md, Calendar feed):
 * no sign-in, since calendar apps cannot; an unknown or regenerated secret is 404. Calendar apps poll: the
 * answer may be kept an hour, and an unchanged one is answered 304 to its ETag.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec((await params).file);
  if (!match) return NOT_FOUND();
  const includeClients = new URL(request.url).search === `?${WITH_CLIENTS}`;
  const body = await expiryFeed(await getDataSource(), match[1], includeClients);
  if (body === null) return NOT_FOUND();
  const etag = `"${createHash('sha256').update(body.replace(/^DTSTAMP:.*$/gm, '')).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=3600', etag, 'content-disposition': 'inline; filename="scadenze.ics"' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
