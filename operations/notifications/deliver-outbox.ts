import type { DataSource } from 'typeorm';
import { isConnectionFailure, type Mail, type Mailer } from '@/lib/mailer';
import { deliverDue, dueRows, type Outbox, type SendPass } from '../outbox/deliver-due';
import { affectedRows } from '../sql';

export interface DeliveryPass extends SendPass { captured: number }

// A message that carries a secret is sent as `deliverable` has it, which is cleared once it is no longer PENDING.
const CLAIM = dueRows('notifications', 'PENDING', `r.id, r.to_email AS "to", r.reply_to AS "replyTo", coalesce(r.deliverable->>'subject', r.subject) AS subject,
  coalesce(r.deliverable->>'text', r.body_text) AS "text", coalesce(r.deliverable->>'html', r.body_html) AS "html"`);

function emailOutbox(mailer: Mailer): Outbox<Mail & { attempts: number }> {
  return { table: 'notifications', claim: CLAIM, sent: { status: 'SENT' }, failed: 'FAILED', sendersOnly: 'deliverable', send: (mail) => mailer.send(mail), isConnectionFailure };
}

/**
 * Delivers what is due in the outbox until nothing is left for this worker, or `keepGoing` says stop (the batch
 * in hand is finished first; `outbox/deliver-due.ts`: a message
 * is marked SENT before the commit that releases it; only a crash between the SMTP server's acceptance and that
 * commit would send it again, with the same Message-ID). Without a mailer (no `SMTP_URL`) messages are
 * CAPTURED instead: kept, readable in the portal and by the back office, without the secret a message may carry
 * (a password reset link), which nobody then receives.
 */
export async function deliverOutbox(db: DataSource, mailer: Mailer | null, batchSize = 10, keepGoing: () => boolean = () => true): Promise<DeliveryPass> {
  const pass: DeliveryPass = { sent: 0, captured: 0, retried: 0, failed: 0 };
  if (!mailer) {
    pass.captured = await db.transaction((manager) => affectedRows(manager, `UPDATE "notifications" SET status = 'CAPTURED', deliverable = NULL WHERE status = 'PENDING' AND next_attempt_at <= now()`));
    return pass;
  }
  await deliverDue(db, emailOutbox(mailer), pass, batchSize, keepGoing);
  return pass;
}
