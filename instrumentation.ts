/**
 * Next.js calls `register()` once when a server process starts, before it serves: a client's own
 * X-Forwarded-For is replaced by its address unless TRUST_PROXY=on, and every HTTP request is observed
 * from then on (request id, log line, metrics); the background work (daily lifecycle schedule, outbox
 * delivery) starts unless PORTAL_WORKERS=off (e.g. when `npm run worker` processes do it instead), and
 * SIGTERM stops the instance gracefully. Not during `next build`.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { guardForwardedFor } = await import('./lib/http/client-address');
  guardForwardedFor();
  const { observeHttpRequests } = await import('./lib/http/request-log');
  const { logger } = await import('./lib/observability/logger');
  observeHttpRequests();
  let work: { stop(timeoutMs?: number): Promise<void> } | undefined;
  if (process.env.PORTAL_WORKERS !== 'off' && process.env.DATABASE_URL) {
    const { startBackgroundWork } = await import('./operations/lifecycle/background');
    // The portal keeps serving without it; the failure is reported, not hidden.
    work = await startBackgroundWork(process.env.DATABASE_URL).catch((error) => { logger().error({ err: error }, 'the background work did not start'); return undefined; });
  }
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { stopGracefullyOnSignals } = await import('./lib/shutdown');
    stopGracefullyOnSignals(async (timeoutMs) => work?.stop(timeoutMs));
  } else if (process.env.NODE_ENV === 'production') {
    logger().warn('NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js stops at once, without draining (`npm start` sets it)');
  }
}
