import type { DataSource, EntityManager } from 'typeorm';
import { isLastAttempt, retryDelaySeconds } from '@/domain/delivery';
import { isConnectionFailure, type Mail, type Mailer } from '@/lib/mailer';
import { affectedRows } from '../sql';

export interface DeliveryPass { sent: number; captured: number; retried: number; failed: number }

const DUE = `SELECT id FROM "notifications" WHERE status = 'PENDING' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`;

const CLAIM = `
  SELECT n.id, n.to_email AS "to", n.subject, n.body_text AS "text", n.body_html AS "html", n.attempts
  FROM "notifications" n WHERE n.id IN (${DUE}) ORDER BY n.next_attempt_at`;

async function markSent(manager: EntityManager, id: string): Promise<void> {
  await manager.query(`UPDATE "notifications" SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [id]);
}

/** Counts the failed attempt: another one later, with backoff, or FAILED after the last. */
async function markFailed(manager: EntityManager, id: string, attempts: number, error: unknown): Promise<'retried' | 'failed'> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const last = isLastAttempt(attempts);
  await manager.query(
    `UPDATE "notifications" SET attempts = $2, last_error = $3, status = CASE WHEN $4 THEN 'FAILED' ELSE status END,
       next_attempt_at = now() + make_interval(secs => $5) WHERE id = $1`,
    [id, attempts, message, last, retryDelaySeconds(attempts)],
  );
  return last ? 'failed' : 'retried';
}

/**
 * Claims a batch of due messages (rows locked, skipped by other workers), sends each and records the
 * outcome in the same transaction. A message is marked SENT before the commit that releases it, so no
 * other worker can send it again; only a crash between the SMTP server's acceptance and that commit
 * would send the batch's accepted messages a second time (with the same Message-ID). Returns how many
 * were claimed, or 0 when the server could not be reached.
 */
async function sendBatch(db: DataSource, mailer: Mailer, batchSize: number, pass: DeliveryPass): Promise<number> {
  return db.transaction(async (manager) => {
    const claimed: (Mail & { attempts: number })[] = await manager.query(CLAIM, [batchSize]);
    for (const mail of claimed) {
      try {
        await mailer.send(mail);
        await markSent(manager, mail.id);
        pass.sent += 1;
      } catch (error) {
        pass[await markFailed(manager, mail.id, mail.attempts + 1, error)] += 1;
        // The server is unreachable: the rest wait for the next pass rather than each spending an attempt.
        if (isConnectionFailure(error)) return 0;
      }
    }
    return claimed.length;
  });
}

/**
 * Delivers what is due in the outbox until nothing is left for this worker, or `keepGoing` says stop
 * (the batch in hand is finished first). Without a mailer (no `SMTP_URL`) messages are CAPTURED
 * instead: kept, readable in the portal and by the back office.
 */
export async function deliverOutbox(db: DataSource, mailer: Mailer | null, batchSize = 10, keepGoing: () => boolean = () => true): Promise<DeliveryPass> {
  const pass: DeliveryPass = { sent: 0, captured: 0, retried: 0, failed: 0 };
  if (!mailer) {
    pass.captured = await db.transaction((manager) => affectedRows(manager, `UPDATE "notifications" SET status = 'CAPTURED' WHERE status = 'PENDING' AND next_attempt_at <= now()`));
    return pass;
  }
  while ((await sendBatch(db, mailer, batchSize, pass)) === batchSize && keepGoing());
  return pass;
}
