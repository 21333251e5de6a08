import type { DataSource } from 'typeorm';
import { isConnectionFailure, type Mail, type Mailer } from '@/lib/mailer';
import { deliverDue, dueRows, type Outbox, type SendPass } from '../outbox/deliver-due';
import { affectedRows } from '../sql';

export interface DeliveryPass extends SendPass { captured: number }

const CLAIM = dueRows('notifications', 'PENDING', `r.id, r.to_email AS "to", r.subject, r.body_text AS "text", r.body_html AS "html"`);

function emailOutbox(mailer: Mailer): Outbox<Mail & { attempts: number }> {
  return { table: 'notifications', claim: CLAIM, sent: { status: 'SENT' }, failed: 'FAILED', send: (mail) => mailer.send(mail), isConnectionFailure };
}

/**
 * Delivers what is due in the outbox until nothing is left for this worker (`outbox/deliver-due.ts`: a message
 * is marked SENT before the commit that releases it; only a crash between the SMTP server's acceptance and that
 * commit would send it again, with the same Message-ID). Without a mailer (no `SMTP_URL`) messages are
 * CAPTURED instead: kept, readable in the portal and by the back office.
 */
export async function deliverOutbox(db: DataSource, mailer: Mailer | null, batchSize = 10): Promise<DeliveryPass> {
  const pass: DeliveryPass = { sent: 0, captured: 0, retried: 0, failed: 0 };
  if (!mailer) {
    pass.captured = await db.transaction((manager) => affectedRows(manager, `UPDATE "notifications" SET status = 'CAPTURED' WHERE status = 'PENDING' AND next_attempt_at <= now()`));
    return pass;
  }
  await deliverDue(db, emailOutbox(mailer), pass, batchSize);
  return pass;
}
