import { closeDataSource } from './db/data-source';
import { closeConnectionsAfterResponses, closeIdleAndRemainingConnections, requestsFinished, stopAccepting } from './http/request-log';
import { logger } from './observability/logger';
import { isStopping, markStopping } from './shutdown-state';

export interface ShutdownSettings {
  /** How long the instance keeps serving while answering not-ready, for load balancers to take it out. */
  delayMs: number;
  /** How long in-flight requests and background jobs may take after that, before the process exits anyway. */
  timeoutMs: number;
}

function seconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return (value && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback) * 1000;
}

/** `SHUTDOWN_DELAY` (5 s; none on Ctrl+C) and `SHUTDOWN_TIMEOUT` (30 s). */
export function shutdownSettings(signal: NodeJS.Signals): ShutdownSettings {
  return { delayMs: signal === 'SIGINT' ? 0 : seconds(process.env.SHUTDOWN_DELAY, 5), timeoutMs: seconds(process.env.SHUTDOWN_TIMEOUT, 30) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether `work` finished within `ms`. */
function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work.then(() => true), new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms); })]).finally(() => clearTimeout(timer));
}

/**
 * A graceful stop: answer not-ready (responses close their connections) for `delayMs` while still
 * serving; then stop accepting, let the requests in flight and the background work finish (the outbox
 * its batch in hand, pg-boss its running job, or it hands the job back), and close the pool. Resolves
 * true when all of it finished within `timeoutMs`.
 */
export async function shutDown(settings: ShutdownSettings, stopBackgroundWork: (timeoutMs: number) => Promise<void>): Promise<boolean> {
  markStopping();
  closeConnectionsAfterResponses();
  const log = logger();
  log.info({ delayMs: settings.delayMs, timeoutMs: settings.timeoutMs }, 'stopping: answering not-ready');
  await sleep(settings.delayMs);
  stopAccepting();
  const deadline = Date.now() + settings.timeoutMs;
  const finished = await within(settings.timeoutMs, Promise.all([
    requestsFinished(),
    stopBackgroundWork(settings.timeoutMs).catch((error) => log.error({ err: error }, 'the background work did not stop cleanly')),
  ]));
  if (!finished) log.warn('stopping: requests or background work still running at the time limit');
  closeIdleAndRemainingConnections();
  const closed = await within(Math.max(deadline - Date.now(), 1000), closeDataSource());
  log.info({ clean: finished && closed }, 'stopped');
  return finished && closed;
}

/**
 * Stops gracefully on SIGTERM and SIGINT, then exits (0 when clean). Next.js's own handler, which
 * closes the server at once and exits without waiting for the background work, must be off:
 * `NEXT_MANUAL_SIG_HANDLE=1` (set by `npm start`).
 */
export function stopGracefullyOnSignals(stopBackgroundWork: (timeoutMs: number) => Promise<void>): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (isStopping()) return;
      void shutDown(shutdownSettings(signal), stopBackgroundWork).then((clean) => process.exit(clean ? 0 : 1));
    });
  }
}
