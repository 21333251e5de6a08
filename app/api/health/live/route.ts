export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

/** Liveness: the process answers. Nothing else is checked, so a database outage never gets the instance restarted. */
export function GET(): Response {
  return Response.json({ status: 'live' }, { headers: NO_STORE });
}
