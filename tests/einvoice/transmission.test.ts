import type { DataSource } from 'typeorm';
import { EInvoice } from '@/entities';
import { eInvoiceTransportFromEnv, type EInvoiceTransport } from '@/lib/einvoice/settings';
import { transmitEInvoices } from '@/operations/einvoices/transmit-e-invoices';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { LocalSmtp } from '../support/smtp';
import { currentFile, E_INVOICE_FIELDS, paidInvoice } from './support';

/** docs/product-rules.md, Electronic invoices: each file goes out through the configured channel, from an outbox. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let customer: AccountLogin;
const smtp = new LocalSmtp();
const PEC_FROM = 'HostingVirtuale <fatture@pec.hostingvirtuale.example>';
const SETTINGS = ['EINVOICE_CHANNEL', 'EINVOICE_PEC_SMTP_URL', 'EINVOICE_PEC_FROM', 'EINVOICE_SDI_PEC'];

/** The attachments of a message as the SMTP server received it: name, type and decoded content. */
function attachmentsOf(raw: string): { headers: string; content: string }[] {
  return raw.split(/\r\n--[^\r\n]+/).flatMap((part) => {
    const [headers, ...body] = part.replace(/^\r\n/, '').split('\r\n\r\n');
    if (!/^Content-Disposition: attachment/mi.test(headers)) return [];
    expect(headers).toMatch(/^Content-Transfer-Encoding: base64$/mi);
    return [{ headers, content: Buffer.from(body.join('\r\n\r\n').replace(/\s+/g, ''), 'base64').toString('utf8') }];
  });
}

function pecTransport(env: Record<string, string> = {}): EInvoiceTransport {
  Object.assign(process.env, { EINVOICE_CHANNEL: 'pec', EINVOICE_PEC_SMTP_URL: smtp.url(), EINVOICE_PEC_FROM: PEC_FROM, ...env });
  return eInvoiceTransportFromEnv();
}

const fileOf = (id: string) => db.getRepository(EInvoice).findOneByOrFail({ id });
const makeDue = () => db.query(`UPDATE e_invoices SET next_attempt_at = now() WHERE status = 'TO_SEND'`);

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
  customer = await newAccount(db, { name: 'Bianchi Web S.r.l.', billing: { vatNumber: '12345678903', recipientCode: 'M5UXCR1' } });
  await smtp.start();
});

afterAll(() => smtp.stop());

beforeEach(() => {
  smtp.received = [];
  smtp.raw = [];
  smtp.refusing = false;
});

afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
});

describe('the local capture (the default channel)', () => {
  it('sends nothing: each file is kept, marked SENT by the capture, and shown so', async () => {
    const transport = eInvoiceTransportFromEnv();
    expect(transport).toEqual({ name: 'capture' });
    const invoices = [await paidInvoice(db, customer, admin, 'CARD'), await paidInvoice(db, customer, admin, 'BANK_TRANSFER')];
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 2, retried: 0, failed: 0 });
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 0 });
    for (const invoice of invoices) {
      expect(await currentFile(db, invoice.id)).toMatchObject({ status: 'SENT', channel: 'capture', attempts: 1, sentAt: expect.any(Date), lastError: null });
    }
    const { body } = await api.gql(`{ invoices(first: 2) { edges { node { ${E_INVOICE_FIELDS} } } } }`, {}, { token: customer.token });
    expect(body.data.invoices.edges.map((e: { node: { eInvoice: { status: string; channel: string } } }) => [e.node.eInvoice.status, e.node.eInvoice.channel])).toEqual([['SENT', 'capture'], ['SENT', 'capture']]);
  });
});

describe('PEC', () => {
  it("mails each file once to the SdI's address, from the seller's certified mailbox, the XML attached under its name", async () => {
    const transport = pecTransport();
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 1, captured: 0, retried: 0, failed: 0 });
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 0 });
    if (transport.name === 'pec') transport.mailer.close();

    expect(smtp.received).toEqual([{ to: 'sdi01@pec.fatturapa.it', from: PEC_FROM, subject: file.fileName, messageId: `<${file.id}@pec.hostingvirtuale.example>`, text: expect.stringContaining('Invio del file') }]);
    const [attachment] = attachmentsOf(smtp.raw[0]);
    expect(attachment.headers).toMatch(new RegExp(`^Content-Disposition: attachment; filename=${file.fileName}$`, 'mi'));
    expect(attachment.headers).toMatch(/^Content-Type: application\/xml/mi);
    expect(attachment.content).toBe(file.xml);
    expect(await fileOf(file.id)).toMatchObject({ status: 'SENT', channel: 'pec', attempts: 1, sentAt: expect.any(Date), lastError: null });
  });

  it('goes to EINVOICE_SDI_PEC when set (the address the SdI assigned after the first file)', async () => {
    const transport = pecTransport({ EINVOICE_SDI_PEC: 'sdi27@pec.fatturapa.it' });
    await paidInvoice(db, customer, admin, 'POSTAL_SLIP');
    expect((await transmitEInvoices(db, transport)).sent).toBe(1);
    if (transport.name === 'pec') transport.mailer.close();
    expect(smtp.received.map((r) => r.to)).toEqual(['sdi27@pec.fatturapa.it']);
  });

  it('retries a file the server refuses, with the backoff, and never gives an invoice up', async () => {
    const transport = pecTransport();
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    smtp.refusing = true;
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 0, retried: 1, failed: 0 });
    const waiting = await fileOf(file.id);
    expect(waiting).toMatchObject({ status: 'TO_SEND', channel: null, attempts: 1, lastError: expect.stringContaining('Mailbox busy') });
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 0, retried: 0, failed: 0 });

    // Past the attempts after which an email is given up, a file is still retried.
    await db.query(`UPDATE e_invoices SET attempts = 100, next_attempt_at = now() WHERE id = $1`, [file.id]);
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 0, captured: 0, retried: 1, failed: 0 });
    expect(await fileOf(file.id)).toMatchObject({ status: 'TO_SEND', attempts: 101 });

    smtp.refusing = false;
    await makeDue();
    expect(await transmitEInvoices(db, transport)).toEqual({ sent: 1, captured: 0, retried: 0, failed: 0 });
    if (transport.name === 'pec') transport.mailer.close();
    expect(await fileOf(file.id)).toMatchObject({ status: 'SENT', channel: 'pec', attempts: 102, lastError: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('refuses a configuration that cannot work', () => {
    process.env.EINVOICE_CHANNEL = 'fax';
    expect(() => eInvoiceTransportFromEnv()).toThrow('EINVOICE_CHANNEL must be capture or pec, not fax');
    process.env.EINVOICE_CHANNEL = 'pec';
    expect(() => eInvoiceTransportFromEnv()).toThrow('EINVOICE_PEC_SMTP_URL is required when EINVOICE_CHANNEL is pec');
    process.env.EINVOICE_PEC_SMTP_URL = smtp.url();
    expect(() => eInvoiceTransportFromEnv()).toThrow('EINVOICE_PEC_FROM is required');
  });
});
