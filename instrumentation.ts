/**
 * Next.js calls `register()` once when a server process starts, before it serves: from then on a
 * client's own X-Forwarded-For is replaced by its address unless TRUST_PROXY=on. The background work
 * (daily lifecycle schedule, outbox delivery) starts with it too, unless PORTAL_WORKERS=off (e.g. when
 * `npm run worker` processes do it instead). Not during `next build`, nor without a database.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { guardForwardedFor } = await import('./lib/http/client-address');
  guardForwardedFor();
  if (process.env.PORTAL_WORKERS === 'off' || !process.env.DATABASE_URL) return;
  const { startBackgroundWork } = await import('./operations/lifecycle/background');
  // The portal keeps serving without it; the failure is reported, not hidden.
  await startBackgroundWork(process.env.DATABASE_URL).catch((error) => console.error('[pannello] The background work did not start:', error));
}
