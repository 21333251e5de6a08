import type { DataSource, EntityManager } from 'typeorm';
import { isLastAttempt, retryDelaySeconds } from '@/domain/delivery';

/** When a failed row is tried again, and when it is given up. */
export interface RetrySchedule {
  delaySeconds(attempts: number): number;
  isLast(attempts: number): boolean;
}

const MAIL_RETRIES: RetrySchedule = { delaySeconds: retryDelaySeconds, isLast: isLastAttempt };

/** What a pass did with the rows it claimed. */
export interface SendPass { sent: number; retried: number; failed: number }

export interface Claimed { id: string; attempts: number }

/**
 * A durable outbox: a table whose rows wait in a pending status until `next_attempt_at`, and carry `attempts`,
 * `last_error` and `sent_at` (the email outbox, the e-invoices, the webhooks).
 */
export interface Outbox<Row extends Claimed> {
  table: string;
  /** Selects the due rows (`$1`: at most how many), locked `FOR UPDATE SKIP LOCKED`, with `id` and `attempts`. */
  claim: string;
  /** The status of a row sent, and what else is set with it (e.g. `, channel = 'pec'`). */
  sent: { status: string; also?: string };
  /** The status after the last attempt; null retries for ever at the longest delay. */
  failed: string | null;
  /** Mail's schedule (domain/delivery.ts) unless given. */
  retry?: RetrySchedule;
  /** A column only the sender reads (what the receiver gets of a secret), emptied once the row is sent or failed. */
  sendersOnly?: string;
  /** Sends one row; `manager` is the claiming transaction's, for what the sender records beside the outcome. */
  send(row: Row, manager: EntityManager): Promise<void>;
  /** True when the failure is the connection's, not this row's: the rest of the batch waits for the next pass. */
  isConnectionFailure(error: unknown): boolean;
}

async function markSent(manager: EntityManager, outbox: Outbox<Claimed>, id: string): Promise<void> {
  await manager.query(
    `UPDATE "${outbox.table}" SET status = $2, sent_at = now(), attempts = attempts + 1, last_error = NULL${outbox.sent.also ?? ''}${outbox.sendersOnly ? `, ${outbox.sendersOnly} = NULL` : ''} WHERE id = $1`,
    [id, outbox.sent.status],
  );
}

/** Counts the failed attempt: another one later, with backoff, or the failed status after the last. */
async function markFailed(manager: EntityManager, outbox: Outbox<Claimed>, id: string, attempts: number, error: unknown): Promise<'retried' | 'failed'> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const retry = outbox.retry ?? MAIL_RETRIES;
  const last = outbox.failed !== null && retry.isLast(attempts);
  await manager.query(
    `UPDATE "${outbox.table}" SET attempts = $2, last_error = $3, status = CASE WHEN $4 THEN $6 ELSE status END,
       next_attempt_at = now() + make_interval(secs => $5)${outbox.sendersOnly ? `, ${outbox.sendersOnly} = CASE WHEN $4 THEN NULL ELSE ${outbox.sendersOnly} END` : ''} WHERE id = $1`,
    [id, attempts, message, last, retry.delaySeconds(attempts), outbox.failed],
  );
  return last ? 'failed' : 'retried';
}

/**
 * Claims a batch of due rows (locked, skipped by other workers), sends each and records the outcome in the
 * same transaction. A row is marked sent before the commit that releases it, so no other worker can send it
 * again; only a crash between the receiver's acceptance and that commit would send the batch's accepted rows
 * a second time. Returns how many were claimed, or 0 when the receiver could not be reached.
 */
async function sendBatch<Row extends Claimed>(db: DataSource, outbox: Outbox<Row>, batchSize: number, pass: SendPass): Promise<number> {
  return db.transaction(async (manager) => {
    const claimed: Row[] = await manager.query(outbox.claim, [batchSize]);
    for (const row of claimed) {
      try {
        await outbox.send(row, manager);
        await markSent(manager, outbox as Outbox<Claimed>, row.id);
        pass.sent += 1;
      } catch (error) {
        pass[await markFailed(manager, outbox as Outbox<Claimed>, row.id, row.attempts + 1, error)] += 1;
        // The receiver is unreachable: the rest wait for the next pass rather than each spending an attempt.
        if (outbox.isConnectionFailure(error)) return 0;
      }
    }
    return claimed.length;
  });
}

/** Sends what is due until nothing is left for this worker or `keepGoing` says stop (after the batch in hand), counting into `pass`. */
export async function deliverDue<Row extends Claimed>(db: DataSource, outbox: Outbox<Row>, pass: SendPass, batchSize = 10, keepGoing: () => boolean = () => true): Promise<void> {
  while ((await sendBatch(db, outbox, batchSize, pass)) === batchSize && keepGoing());
}

/** The claim of `table`'s due rows in `pending`, oldest due first: `columns` read from the row aliased `r` and what `join` adds. */
export function dueRows(table: string, pending: string, columns: string, join = ''): string {
  const due = `SELECT id FROM "${table}" WHERE status = '${pending}' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`;
  return `SELECT ${columns}, r.attempts FROM "${table}" r ${join} WHERE r.id IN (${due}) ORDER BY r.next_attempt_at`;
}
