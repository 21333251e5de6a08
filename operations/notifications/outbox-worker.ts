import type { DataSource } from 'typeorm';
import type { Mailer } from '@/lib/mailer';
import { startPoller, type Poller } from '../outbox/poller';
import { deliverOutbox } from './deliver-outbox';

export type OutboxWorker = Poller;

/** Polls the outbox every `intervalMs` and delivers what is due; any number of workers may run at once. */
export function startOutboxWorker(db: DataSource, mailer: Mailer | null, intervalMs = 2000): OutboxWorker {
  return startPoller('Outbox delivery', (keepGoing) => deliverOutbox(db, mailer, undefined, keepGoing), intervalMs, () => mailer?.close());
}
