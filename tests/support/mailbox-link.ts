import type { DataSource } from 'typeorm';

/**
 * The token of the one-time link in the mailbox copy of the newest pending `template` message to `toEmail`:
 * what only the recipient receives (stored copies have it withheld, domain/emails.ts SECRET_FIELDS).
 */
export async function mailboxToken(db: DataSource, toEmail: string, template: string): Promise<string> {
  const [row] = await db.query(
    `SELECT deliverable->>'text' AS "text" FROM notifications WHERE to_email = $1 AND template = $2 AND deliverable IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
    [toEmail, template],
  );
  const token = /[?&]token=([\w-]+)/.exec(row?.text ?? '')?.[1];
  if (!token) throw new Error(`no pending ${template} message with a link to ${toEmail}`);
  return token;
}
