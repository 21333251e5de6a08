import type { DataSource } from 'typeorm';
import { MAX_DELIVERY_ATTEMPTS } from '@/domain/delivery';
import { Notification } from '@/entities';
import { createMailer } from '@/lib/mailer';
import { deliverOutbox } from '@/operations/notifications/deliver-outbox';
import { startOutboxWorker } from '@/operations/notifications/outbox-worker';
import { queueEmails } from '@/operations/notifications/queue-emails';
import { useTestDatabase } from '../support/database';
import { LocalSmtp } from '../support/smtp';

const database = useTestDatabase();
let db: DataSource;

const smtp = new LocalSmtp();

let sequence = 0;
async function queue(count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, () => {
    sequence += 1;
    return {
      accountId: null, toEmail: `customer${sequence}@example.test`, locale: 'en' as const, dedupeKey: `test:${sequence}`,
      message: { template: 'EXPIRY_REMINDER' as const, domain: `site${sequence}.example`, productCode: 'HVPARK', expiresOn: '2026-12-01', daysLeft: 7, renewalPriceCents: 1500, link: 'http://localhost/renew' },
    };
  });
  await db.transaction((manager) => queueEmails(manager, emails));
  return emails.map((e) => e.toEmail);
}

const byRecipient = (recipients: string[]) => db.getRepository(Notification).createQueryBuilder('n').where('n.toEmail IN (:...recipients)', { recipients }).getMany();
const makeDue = () => db.query(`UPDATE "notifications" SET next_attempt_at = now() WHERE status = 'PENDING'`);

beforeAll(async () => {
  db = await database.db();
  await smtp.start();
});

afterAll(() => smtp.stop());

beforeEach(() => {
  smtp.received = [];
  smtp.refusing = false;
  smtp.delayMs = 0;
});

describe('delivering the outbox over SMTP', () => {
  it('sends each message once, from MAIL_FROM, with its subject, to its recipient, and marks it SENT', async () => {
    const recipients = await queue(5);
    const mailer = createMailer(smtp.url());
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 5, captured: 0, retried: 0, failed: 0 });
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 0 });
    mailer.close();
    const rows = await byRecipient(recipients);
    expect(smtp.received.map((r) => r.to).sort()).toEqual([...recipients].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null, sentAt: expect.any(Date) });
      expect(smtp.received.find((r) => r.to === row.toEmail)).toEqual({ to: row.toEmail, from: 'Pannello Clienti <noreply@example.it>', subject: row.subject, messageId: `<${row.id}@example.it>` });
    }
  });

  it('loses and duplicates nothing when the server refuses for a while, then recovers', async () => {
    const recipients = await queue(4);
    const mailer = createMailer(smtp.url());
    smtp.refusing = true;
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 4, failed: 0 });
    const waiting = await byRecipient(recipients);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringContaining('Mailbox busy') });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    }
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 0 });

    smtp.refusing = false;
    await makeDue();
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 4, captured: 0, retried: 0, failed: 0 });
    await makeDue();
    expect(await deliverOutbox(db, mailer)).toMatchObject({ sent: 0 });
    mailer.close();
    expect(smtp.received.map((r) => r.to).sort()).toEqual([...recipients].sort());
    expect((await byRecipient(recipients)).map((r) => [r.status, r.attempts])).toEqual(recipients.map(() => ['SENT', 2]));
  });

  it('loses and duplicates nothing when the server is down, then back, spending one attempt per pass meanwhile', async () => {
    const recipients = await queue(3);
    const mailer = createMailer(smtp.url());
    await smtp.stop();
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 1, failed: 0 });
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 1, failed: 0 });
    await smtp.start();
    await makeDue();
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 3, captured: 0, retried: 0, failed: 0 });
    mailer.close();
    expect(smtp.received.map((r) => r.to).sort()).toEqual([...recipients].sort());
  });

  it('gives up after the last attempt: the message is FAILED, kept with its error', async () => {
    const [recipient] = await queue(1);
    await db.query(`UPDATE "notifications" SET attempts = $1 WHERE to_email = $2`, [MAX_DELIVERY_ATTEMPTS - 1, recipient]);
    smtp.refusing = true;
    const mailer = createMailer(smtp.url());
    expect(await deliverOutbox(db, mailer)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 1 });
    mailer.close();
    expect((await byRecipient([recipient]))[0]).toMatchObject({ status: 'FAILED', attempts: MAX_DELIVERY_ATTEMPTS, sentAt: null });
  });

  it('with two workers at once, delivers each message exactly once', async () => {
    const recipients = await queue(40);
    smtp.delayMs = 3;
    const [a, b] = [createMailer(smtp.url()), createMailer(smtp.url())];
    const passes = await Promise.all([deliverOutbox(db, a, 5), deliverOutbox(db, b, 5)]);
    a.close();
    b.close();
    expect(passes.every((pass) => pass.sent > 0)).toBe(true);
    expect(passes[0].sent + passes[1].sent).toBe(40);
    expect(smtp.received).toHaveLength(40);
    expect(new Set(smtp.received.map((r) => r.to))).toEqual(new Set(recipients));
  });

  it('captures instead of sending when no SMTP server is configured', async () => {
    const recipients = await queue(2);
    expect(await deliverOutbox(db, null)).toEqual({ sent: 0, captured: 2, retried: 0, failed: 0 });
    expect((await byRecipient(recipients)).map((r) => r.status)).toEqual(['CAPTURED', 'CAPTURED']);
    expect(smtp.received).toEqual([]);
  });

  it('keeps polling: the worker delivers what is queued later, at once when woken', async () => {
    const worker = startOutboxWorker(db, createMailer(smtp.url()), 60_000);
    const recipients = await queue(2);
    worker.wake();
    for (let i = 0; i < 100 && smtp.received.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    expect(smtp.received.map((r) => r.to).sort()).toEqual(recipients.sort());
  });
});
