import type { EntityManager } from 'typeorm';
import { outboxRow, type OutgoingEmail } from './queue-email';

const BATCH_SIZE = 2000;

/**
 * Renders and writes many messages to the outbox (as `outboxRow` makes them) in one statement, in the caller's transaction.
 * A dedupe key already in the outbox is skipped; returns how many were queued.
 */
export async function queueEmails(manager: EntityManager, emails: readonly OutgoingEmail[]): Promise<number> {
  if (!emails.length) return 0;
  const columns: unknown[][] = Array.from({ length: 10 }, () => []);
  for (const email of emails) {
    const row = outboxRow(email);
    [row.accountId, row.template, row.dedupeKey, row.toEmail, row.locale, JSON.stringify(row.data), row.subject, row.bodyText, row.bodyHtml, row.deliverable && JSON.stringify(row.deliverable)]
      .forEach((value, i) => columns[i].push(value));
  }
  const inserted: unknown[] = await manager.query(
    `INSERT INTO "notifications" ("account_id", "template", "dedupe_key", "to_email", "locale", "data", "subject", "body_text", "body_html", "deliverable")
     SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::varchar[], $8::text[], $9::text[], $10::jsonb[])
     ON CONFLICT ("dedupe_key") DO NOTHING
     RETURNING 1`,
    columns,
  );
  return inserted.length;
}

/**
 * Queues one message per row of `sql`, read through a cursor in batches so that a million rows never
 * sit in memory at once. `compose` turns a row into its message.
 */
export async function queueEmailsFor<Row>(manager: EntityManager, sql: string, parameters: unknown[], compose: (row: Row) => OutgoingEmail): Promise<number> {
  await manager.query(`DECLARE "outbox_rows" NO SCROLL CURSOR FOR ${sql}`, parameters);
  let queued = 0;
  for (;;) {
    const rows: Row[] = await manager.query(`FETCH FORWARD ${BATCH_SIZE} FROM "outbox_rows"`);
    if (!rows.length) break;
    queued += await queueEmails(manager, rows.map(compose));
  }
  await manager.query(`CLOSE "outbox_rows"`);
  return queued;
}
