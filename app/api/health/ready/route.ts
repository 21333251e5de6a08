import { readiness } from '@/lib/observability/readiness';

export const dynamic = 'force-dynamic';

/** Readiness for a load balancer: 200 while this instance should get traffic, 503 otherwise (stopping, database unreachable, migrations pending). */
export async function GET(): Promise<Response> {
  const state = await readiness();
  return Response.json({ status: state.ready ? 'ready' : 'not ready', ...state }, { status: state.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
