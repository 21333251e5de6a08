import nodemailer from 'nodemailer';
import type { DataSource } from 'typeorm';
import { openTicket } from '@/operations/tickets/open-ticket';
import { startReplyListener, type ReplyListener } from '@/operations/tickets/reply-listener';
import { replyToTicket } from '@/operations/tickets/ticket-actions';
import { useTestDatabase } from '../support/database';
import { newAccount, newSupport, type AccountLogin, type Login } from '../support/fixtures';

/** docs/product-rules.md, Support (email): replies to a ticket's email, received by the panel's own SMTP listener. */
const database = useTestDatabase();
let db: DataSource;
let listener: ReplyListener;
let customer: AccountLogin;
let other: AccountLogin;
let support: Login;
let ticketId: string;
let replyTo: string;

function send(mail: { from: string; envelopeFrom?: string; to: string; text: string; attachments?: { filename: string; content: Buffer }[] }) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
  return transport.sendMail({ from: mail.from, to: mail.to, envelope: { from: mail.envelopeFrom ?? mail.from, to: mail.to }, subject: 'Re: la tua richiesta', text: mail.text, attachments: mail.attachments })
    .finally(() => transport.close());
}

async function thread() {
  return db.query(`SELECT m.body, m.channel, m.author_label AS author, array_remove(array_agg(a.file_name ORDER BY a.file_name), NULL) AS files
    FROM ticket_messages m LEFT JOIN ticket_attachments a ON a.message_id = m.id WHERE m.ticket_id = $1 GROUP BY m.id ORDER BY m.created_at, m.id`, [ticketId]);
}

beforeAll(async () => {
  process.env.SUPPORT_REPLY_DOMAIN = 'reply.example.test';
  db = await database.db();
  listener = await startReplyListener(db, 0, '127.0.0.1');
  customer = await newAccount(db);
  other = await newAccount(db);
  support = await newSupport(db);
  ticketId = (await openTicket(db, customer.actor, { subject: 'Email non arrivano', department: 'TECHNICAL', message: 'Non ricevo email da ieri.' })).id;
  await replyToTicket(db, support.actor, { ticketId, message: 'Puoi mandarci il log?' });
  [{ reply_to: replyTo }] = await db.query(`SELECT reply_to FROM notifications WHERE template = 'TICKET_ANSWERED'`);
});

afterAll(async () => {
  await listener.stop();
  delete process.env.SUPPORT_REPLY_DOMAIN;
});

describe('a reply by email', () => {
  it('from a login of the account joins the thread without the quoted message, with its accepted attachments', async () => {
    await send({
      from: customer.user.email, to: replyTo,
      text: 'Ecco il log.\n\nIl giorno lun 7 dic 2026 alle 10:00 Supporto ha scritto:\n> Puoi mandarci il log?\n',
      attachments: [{ filename: 'mail.log', content: Buffer.from('Dec 7 10:00 postfix: deferred\n') }, { filename: 'tool.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]) }],
    });
    const messages = await thread();
    expect(messages.at(-1)).toEqual({ body: 'Ecco il log.\n\n[Allegato non accettato: tool.exe]', channel: 'EMAIL', author: customer.user.email, files: ['mail.log'] });
    const [{ status }] = await db.query('SELECT status FROM tickets WHERE id = $1', [ticketId]);
    expect(status).toBe('CUSTOMER_REPLIED');
  });

  it('to a forged address (another signature, another ticket) is refused at SMTP level and adds nothing', async () => {
    const before = (await thread()).length;
    const forged = replyTo.replace(/\.[0-9a-f]{20}@/, '.0123456789abcdef0123@');
    await expect(send({ from: customer.user.email, to: forged, text: 'forged' })).rejects.toMatchObject({ responseCode: 550 });
    const otherTicket = replyTo.replace(ticketId, '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b');
    await expect(send({ from: customer.user.email, to: otherTicket, text: 'guessed' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await thread()).length).toBe(before);
  });

  it('from someone who is not a login of the account, or with a From other than its sender, is refused', async () => {
    const before = (await thread()).length;
    await expect(send({ from: other.user.email, to: replyTo, text: 'intruso' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ from: 'nobody@example.test', to: replyTo, text: 'sconosciuto' })).rejects.toMatchObject({ responseCode: 550 });
    await expect(send({ from: other.user.email, envelopeFrom: customer.user.email, to: replyTo, text: 'falso mittente' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await thread()).length).toBe(before);
  });
});
