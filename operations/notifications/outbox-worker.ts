import type { DataSource } from 'typeorm';
import type { Mailer } from '@/lib/mailer';
import { logger } from '@/lib/observability/logger';
import { deliverOutbox } from './deliver-outbox';

export interface OutboxWorker {
  /** Delivers now rather than at the next poll (e.g. right after a commit that queued mail). */
  wake(): void;
  /** Finishes the batch in hand, then stops. */
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs` and delivers what is due; any number of workers may run at once. */
export function startOutboxWorker(db: DataSource, mailer: Mailer | null, intervalMs = 2000): OutboxWorker {
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
        await deliverOutbox(db, mailer, undefined, () => !stopped);
      } catch (error) {
        logger().error({ err: error }, 'outbox delivery failed');
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
      mailer?.close();
    },
  };
}
