import { metricsAccess } from '@/lib/observability/metrics-access';
import { metrics } from '@/lib/observability/metrics';

export const dynamic = 'force-dynamic';

/** Prometheus's scrape of this instance (`METRICS_TOKEN` as a Bearer token). */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'disabled') return Response.json({ error: 'Metrics are off: set METRICS_TOKEN' }, { status: 404 });
  if (access === 'unauthorized') return Response.json({ error: 'Send Authorization: Bearer <METRICS_TOKEN>' }, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
