import type { EntityManager } from 'typeorm';
import { carriesSecret, renderEmail, withoutSecrets, type EmailMessage } from '@/domain/emails';
import type { Locale } from '@/domain/money';
import { queryPrepared } from '@/lib/db/prepared';

export interface OutgoingEmail {
  accountId: string | null;
  toEmail: string;
  locale: Locale;
  /** The same key is never queued twice (a reminder per service, term and offset; a confirmation per cancellation). */
  dedupeKey: string;
  message: EmailMessage;
  /** Where replies go instead of the sender (a ticket's signed reply address). */
  replyTo?: string | null;
}

/**
 * The outbox row of a message: what readers are shown, its secrets withheld, and for a message that
 * carries one, what the mailbox is to receive (`deliverable`, read by the delivery worker alone).
 */
export function outboxRow(email: OutgoingEmail) {
  const shown = withoutSecrets(email.message, email.locale);
  const { subject, text, html } = renderEmail(shown, email.locale);
  return {
    accountId: email.accountId,
    template: email.message.template,
    dedupeKey: email.dedupeKey,
    toEmail: email.toEmail,
    replyTo: email.replyTo ?? null,
    locale: email.locale,
    data: { ...shown },
    subject,
    bodyText: text,
    bodyHtml: html,
    deliverable: carriesSecret(email.message) ? renderEmail(email.message, email.locale) : null,
  };
}

// A key already queued keeps its message. The text is fixed: each connection prepares it once; nothing is returned.
const QUEUE_EMAIL = `
  INSERT INTO "notifications" ("account_id", "template", "dedupe_key", "to_email", "reply_to", "locale", "data", "subject", "body_text", "body_html", "deliverable")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT DO NOTHING`;

/** Writes the message to the outbox in the caller's transaction; the mail worker delivers it after commit. */
export async function queueEmail(manager: EntityManager, email: OutgoingEmail): Promise<void> {
  const row = outboxRow(email);
  await queryPrepared(manager, QUEUE_EMAIL, [row.accountId, row.template, row.dedupeKey, row.toEmail, row.replyTo, row.locale, JSON.stringify(row.data), row.subject,
    row.bodyText, row.bodyHtml, row.deliverable === null ? null : JSON.stringify(row.deliverable)]);
}
