import { logger } from '@/lib/observability/logger';

export interface Poller {
  /** Runs now rather than at the next poll (e.g. right after a commit that queued work). */
  wake(): void;
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs`, one at a time, until stopped; a failed pass is logged and the next one tried.
 * A pass asks `keepGoing` between batches, so that stopping waits for the batch in hand only. `release` runs
 * once the last pass is over (e.g. closing a mailer).
 */
export function startPoller(label: string, pass: (keepGoing: () => boolean) => Promise<unknown>, intervalMs: number, release = () => {}): Poller {
  let stopped = false;
  let woken = false;
  let interrupt = () => { woken = true; };
  const pause = () => new Promise<void>((resolve) => {
    if (woken || stopped) return resolve();
    const timer = setTimeout(resolve, intervalMs);
    interrupt = () => { clearTimeout(timer); resolve(); };
  });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        await pass(() => !stopped);
      } catch (error) {
        logger().error({ err: error }, `${label} failed`);
      }
      await pause();
      interrupt = () => { woken = true; };
    }
  })();
  return {
    wake: () => interrupt(),
    async stop() {
      stopped = true;
      interrupt();
      await loop;
      release();
    },
  };
}
