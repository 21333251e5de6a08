import { createMailer } from '@/lib/mailer';
import { startOutboxWorker } from '@/operations/notifications/outbox-worker';
import { useTestDatabase } from '../support/database';
import { LocalSmtp } from '../support/smtp';

const database = useTestDatabase();
const smtp = new LocalSmtp();

beforeAll(() => smtp.start());
afterAll(() => smtp.stop());

describe('stopping the outbox worker', () => {
  it('finishes the batch in hand and leaves the rest pending for the next instance: nothing sent twice, nothing lost', async () => {
    const db = await database.db();
    await db.query(`INSERT INTO "notifications" ("template", "dedupe_key", "to_email", "locale", "subject", "body_text", "body_html")
      SELECT 'TEST', 'stop-' || n, 'someone' || n || '@example.test', 'it', 's', 't', 'h' FROM generate_series(1, 25) n`);
    smtp.delayMs = 100;
    const worker = startOutboxWorker(db, createMailer(smtp.url()), 60_000);
    while (smtp.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();

    const rows: { id: string; status: string }[] = await db.query(`SELECT "id", "status" FROM "notifications" WHERE "dedupe_key" LIKE 'stop-%'`);
    const sent = rows.filter((row) => row.status === 'SENT').map((row) => row.id).sort();
    expect(sent).toHaveLength(10);
    expect(rows.filter((row) => row.status === 'PENDING')).toHaveLength(15);
    const received = smtp.received.map((mail) => /^<([^@]+)@/.exec(mail.messageId)![1]);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(sent);
  });
});
