import type { EntityManager } from 'typeorm';
import { renderEmail, type EmailMessage } from '@/domain/emails';
import type { Locale } from '@/domain/money';
import { Notification } from '@/entities';

export interface OutgoingEmail {
  accountId: string | null;
  toEmail: string;
  locale: Locale;
  /** The same key is never queued twice (a reminder per service, term and offset; a confirmation per cancellation). */
  dedupeKey: string;
  message: EmailMessage;
}

/** Writes the message to the outbox in the caller's transaction; the mail worker delivers it after commit. */
export async function queueEmail(manager: EntityManager, email: OutgoingEmail): Promise<void> {
  const { subject, text, html } = renderEmail(email.message, email.locale);
  await manager.createQueryBuilder().insert().into(Notification).values({
    accountId: email.accountId,
    template: email.message.template,
    dedupeKey: email.dedupeKey,
    toEmail: email.toEmail,
    locale: email.locale,
    data: { ...email.message },
    subject,
    bodyText: text,
    bodyHtml: html,
  }).orIgnore().execute();
}
