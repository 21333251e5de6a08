import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EmailMessage } from '@/domain/emails';
import type { Locale } from '@/domain/money';
import { queueEmail } from '../notifications/queue-email';

/**
 * Emails a login about its own access (password, email, sign-ins, second factor), in its language:
 * its own, else its account's; to `toEmail` instead of its address when given (a new address to confirm).
 */
export async function mailLogin(manager: EntityManager, userId: string, message: EmailMessage, toEmail?: string): Promise<void> {
  const [login]: { email: string; accountId: string | null; locale: Locale | null }[] = await manager.query(
    `SELECT u.email, u.account_id AS "accountId", COALESCE(u.locale, a.locale) AS locale FROM users u LEFT JOIN accounts a ON a.id = u.account_id WHERE u.id = $1`,
    [userId],
  );
  await queueEmail(manager, {
    accountId: login.accountId, toEmail: toEmail ?? login.email, locale: login.locale ?? 'it',
    dedupeKey: `${message.template.toLowerCase()}:${userId}:${randomUUID()}`, message,
  });
}
