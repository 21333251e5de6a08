import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditEvent, EInvoice, Notification, SdiNotification } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { read } from './documents';
import { keyPair, sign } from './signing';
import { aboutFile, currentFile, E_INVOICE_FIELDS, paidInvoice, sdiFixture, sdiNotification } from './support';

/** docs/product-rules.md, Electronic invoices: the SdI's answers, imported by the back office; a rejected file sent again. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let customer: AccountLogin;

const IMPORT = `mutation($fileName: String!, $xml: String!) { importSdiNotification(input: { fileName: $fileName, xml: $xml }) {
  alreadyImported notification { kind fileName messageId identificativoSdi receivedAt errors { code description } } eInvoice { fileName status }
  userErrors { field code message } } }`;
const RESEND = `mutation($number: String!) { resendEInvoice(input: { invoiceNumber: $number }) { eInvoice { fileName status xmlUrl notifications { kind } } userErrors { field code message } } }`;
const INVOICE = `query { invoices { edges { node { id number ${E_INVOICE_FIELDS} } } } }`;
const LIST = `query($status: EInvoiceStatus, $after: String) { eInvoices(status: $status, first: 100, after: $after) { totalCount edges { node { fileName status invoice { number } } } } }`;

const importing = async (file: { fileName: string; xml: string }) => (await api.gql(IMPORT, file, { token: admin.token })).body.data.importSdiNotification;
const resending = async (number: string) => (await api.gql(RESEND, { number }, { token: admin.token })).body.data.resendEInvoice;
const numberOf = (invoice: { year: number; number: number }) => `${invoice.year}/${String(invoice.number).padStart(6, '0')}`;

/** Everything an import could change: notifications, files, the audit trail, emails. */
async function state() {
  const [notifications, files, audit, emails] = await Promise.all([
    db.getRepository(SdiNotification).count(),
    db.query(`SELECT id, status, superseded_by_id FROM e_invoices ORDER BY id`),
    db.getRepository(AuditEvent).count(),
    db.getRepository(Notification).count(),
  ]);
  return { notifications, files, audit, emails };
}

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
  customer = await newAccount(db, { name: 'Mario Rossi', locale: 'it', billing: { fiscalCode: 'RSSMRA85T10A562S', addressLine: 'Via Roma 1', postalCode: '20121', city: 'Milano', province: 'MI' } });
});

afterEach(() => {
  delete process.env.SDI_VERIFY_SIGNATURE;
  delete process.env.SDI_CERTIFICATE;
});

describe('importing the SdI notifications', () => {
  it('RC: the file is DELIVERED, the notification kept and shown; imported twice it changes nothing more', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    const rc = sdiNotification('RC', file.fileName, '900000000001');
    expect(await importing(rc)).toEqual({
      alreadyImported: false,
      notification: { kind: 'RC', fileName: rc.fileName, messageId: '900000000001', identificativoSdi: '111222333', receivedAt: '2026-07-02T08:15:30.000Z', errors: [] },
      eInvoice: { fileName: file.fileName, status: 'DELIVERED' }, userErrors: [],
    });
    const before = await state();
    expect(await importing(rc)).toMatchObject({ alreadyImported: true, eInvoice: { status: 'DELIVERED' }, userErrors: [] });
    expect(await state()).toEqual(before);

    const shown = (await api.gql(INVOICE, {}, { token: customer.token })).body.data.invoices.edges.find((e: { node: { id: string } }) => e.node.id === invoice.id).node;
    expect(shown.eInvoice).toMatchObject({ status: 'DELIVERED', notifications: [{ kind: 'RC', fileName: rc.fileName, receivedAt: '2026-07-02T08:15:30.000Z', errors: [] }] });
    const [audit] = await db.getRepository(AuditEvent).findBy({ entityId: file.id, action: 'einvoice.notification_imported' });
    expect(audit).toMatchObject({ actorLabel: admin.user.email, accountId: customer.account.id, before: { status: 'TO_SEND' }, after: { status: 'DELIVERED', notification: 'RC', messageId: '900000000001' } });
  });

  it('NS: the file is REJECTED with the SdI\'s errors kept', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    const result = await importing(sdiNotification('NS', file.fileName));
    expect(result.eInvoice).toEqual({ fileName: file.fileName, status: 'REJECTED' });
    expect(result.notification.errors).toEqual([
      { code: '00305', description: '1.4.1.1.2 <IdCodice> non valido : 12345678903' },
      { code: '00417', description: '1.4.1.1 <IdFiscaleIVA> e 1.4.1.2 <CodiceFiscale> non valorizzati (almeno uno dei due deve essere valorizzato)' },
    ]);
  });

  it('MC: the file is NOT_DELIVERABLE and the customer is told, once, where to find the invoice', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'BANK_TRANSFER');
    const file = await currentFile(db, invoice.id);
    const mc = sdiNotification('MC', file.fileName);
    expect((await importing(mc)).eInvoice.status).toBe('NOT_DELIVERABLE');
    await importing(mc);
    await importing(sdiNotification('MC', file.fileName));
    const mails = await db.getRepository(Notification).findBy({ accountId: customer.account.id, template: 'EINVOICE_NOT_DELIVERABLE' });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toEmail: customer.user.email, locale: 'it', subject: `Fattura ${numberOf(invoice)}: disponibile nella tua area riservata`, status: 'PENDING' });
    expect(mails[0].bodyText).toContain('Fatture e Corrispettivi');
    expect(mails[0].bodyText).toContain('/area/fatture');
  });

  it('refuses a notification about a file this panel did not send, and changes nothing', async () => {
    const before = await state();
    expect(await importing(sdiNotification('RC', 'IT01234567890_ZZZZZ.xml'))).toEqual({
      alreadyImported: false, notification: null, eInvoice: null,
      userErrors: [{ field: 'xml', code: 'UNKNOWN_DOCUMENT', message: expect.stringContaining('IT01234567890_ZZZZZ.xml') }],
    });
    expect(await state()).toEqual(before);
  });

  it.each([
    ['malformed-truncated.xml', /Not a readable XML file/],
    ['unknown-root-esito.xml', /NotificaEsito/],
    ['missing-signature.xml', /signature/],
    ['invalid-value-date.xml', /DataOraRicezione/],
  ])('refuses %s as malformed, and changes nothing', async (name, message) => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    const before = await state();
    const result = await importing({ fileName: name, xml: aboutFile(sdiFixture(name), file.fileName) });
    expect(result.userErrors).toEqual([{ field: 'xml', code: 'MALFORMED_NOTIFICATION', message: expect.stringMatching(message) }]);
    expect(result.userErrors[0].message).toMatch(new RegExp(`^${name}: `));
    expect(await state()).toEqual(before);
  });

  it('refuses another notification under a message id already imported', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);
    await importing(sdiNotification('RC', file.fileName, '900000000002'));
    const before = await state();
    expect((await importing(sdiNotification('MC', file.fileName, '900000000002'))).userErrors).toEqual([{ field: 'xml', code: 'INVALID', message: expect.stringContaining('900000000002') }]);
    expect(await state()).toEqual(before);
  });

  it('refuses a file name with folders, and an empty one', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const { xml } = sdiNotification('RC', (await currentFile(db, invoice.id)).fileName);
    expect((await importing({ fileName: '../x.xml', xml })).userErrors).toEqual([expect.objectContaining({ field: 'fileName', code: 'INVALID' })]);
    expect((await importing({ fileName: ' ', xml })).userErrors).toEqual([expect.objectContaining({ field: 'fileName', code: 'REQUIRED' })]);
  });

  it('keeps notifications unchangeable: the database refuses to update or delete them', async () => {
    const [{ id }] = await db.query(`SELECT id FROM sdi_notifications LIMIT 1`);
    await expect(db.query(`UPDATE sdi_notifications SET xml = '' WHERE id = $1`, [id])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM sdi_notifications WHERE id = $1`, [id])).rejects.toThrow(/immutable/);
  });

  it("with SDI_VERIFY_SIGNATURE on, accepts only a notification signed with the SdI's certificate (SDI_CERTIFICATE)", async () => {
    const sdi = keyPair();
    const certificate = path.join(mkdtempSync(path.join(os.tmpdir(), 'sdi-')), 'sdi.pem');
    writeFileSync(certificate, sdi.publicKey);
    Object.assign(process.env, { SDI_VERIFY_SIGNATURE: 'on', SDI_CERTIFICATE: certificate });
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const file = await currentFile(db, invoice.id);

    const dummy = sdiNotification('RC', file.fileName);
    expect((await importing(dummy)).userErrors).toEqual([{ field: 'xml', code: 'MALFORMED_NOTIFICATION', message: expect.stringMatching(/signature does not verify/) }]);
    const forged = sign(aboutFile(sdiFixture('missing-signature.xml'), file.fileName), keyPair().privateKey);
    expect((await importing({ fileName: dummy.fileName, xml: forged })).userErrors[0]?.code).toBe('MALFORMED_NOTIFICATION');
    const signed = sign(aboutFile(sdiFixture('missing-signature.xml'), file.fileName), sdi.privateKey);
    expect(await importing({ fileName: dummy.fileName, xml: signed })).toMatchObject({ eInvoice: { status: 'DELIVERED' }, userErrors: [] });
  });
});

describe('sending a rejected file again', () => {
  it('writes a new file with the same number and date; the rejected one keeps its XML and status and names it', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const rejected = await currentFile(db, invoice.id);
    await importing(sdiNotification('NS', rejected.fileName));
    const number = numberOf(invoice);

    const { eInvoice, userErrors } = await resending(number);
    expect(userErrors).toEqual([]);
    expect(eInvoice).toEqual({ fileName: expect.stringMatching(/^IT01234567890_[0-9A-Z]{5}\.xml$/), status: 'TO_SEND', xmlUrl: `/api/invoices/${invoice.id}/xml`, notifications: [] });
    expect(eInvoice.fileName).not.toBe(rejected.fileName);

    const fresh = await currentFile(db, invoice.id);
    const old = await db.getRepository(EInvoice).createQueryBuilder('file').addSelect('file.xml').where('file.id = :id', { id: rejected.id }).getOneOrFail();
    expect(old).toMatchObject({ xml: rejected.xml, status: 'REJECTED', supersededById: fresh.id, fileName: rejected.fileName });
    expect(read(fresh.xml).general).toEqual(read(rejected.xml).general);
    expect(read(fresh.xml).general).toMatchObject({ Numero: number, Data: invoice.issuedOn });
    expect(read(fresh.xml).header.DatiTrasmissione.ProgressivoInvio).toBe(fresh.fileName.slice(14, 19));
    expect(fresh.xml.replace(/_?[0-9A-Z]{5}(\.xml)?</g, '<')).toBe(rejected.xml.replace(/_?[0-9A-Z]{5}(\.xml)?</g, '<'));

    const [audit] = await db.getRepository(AuditEvent).findBy({ action: 'einvoice.resent', entityId: fresh.id });
    expect(audit).toMatchObject({ before: { fileName: rejected.fileName, status: 'REJECTED' }, after: { fileName: fresh.fileName, status: 'TO_SEND' } });
    expect((await resending(number)).userErrors).toEqual([expect.objectContaining({ field: 'invoiceNumber', code: 'NOT_REJECTED' })]);
    // The superseded file still takes its notifications; the invoice shows its current one.
    expect((await importing(sdiNotification('NS', rejected.fileName))).eInvoice).toEqual({ fileName: rejected.fileName, status: 'REJECTED' });
  });

  it('refuses a file that was not rejected, an unknown invoice and a malformed number', async () => {
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    expect((await resending(numberOf(invoice))).userErrors).toEqual([{ field: 'invoiceNumber', code: 'NOT_REJECTED', message: expect.stringContaining('TO_SEND') }]);
    expect((await resending('2026/999999')).userErrors).toEqual([expect.objectContaining({ field: 'invoiceNumber', code: 'NOT_FOUND' })]);
    expect((await resending('26-1')).userErrors).toEqual([expect.objectContaining({ field: 'invoiceNumber', code: 'INVALID' })]);
  });

  it("the back office lists each invoice's current file by status", async () => {
    const list = async (status: string | null) => {
      const { body } = await api.gql(LIST, { status }, { token: admin.token });
      return body.data.eInvoices.edges.map((e: { node: { fileName: string; status: string; invoice: { number: string } } }) => e.node);
    };
    const invoice = await paidInvoice(db, customer, admin, 'CARD');
    const first = await currentFile(db, invoice.id);
    await importing(sdiNotification('NS', first.fileName));
    const number = numberOf(invoice);
    expect(await list('REJECTED')).toContainEqual({ fileName: first.fileName, status: 'REJECTED', invoice: { number } });
    const { eInvoice } = await resending(number);
    expect((await list('REJECTED')).map((f: { fileName: string }) => f.fileName)).not.toContain(first.fileName);
    expect((await list('TO_SEND'))[0]).toEqual({ fileName: eInvoice.fileName, status: 'TO_SEND', invoice: { number } });
    const all = await list(null);
    expect(all.filter((f: { invoice: { number: string } }) => f.invoice.number === number)).toEqual([{ fileName: eInvoice.fileName, status: 'TO_SEND', invoice: { number } }]);
    for (const status of ['TO_SEND', 'DELIVERED', 'NOT_DELIVERABLE', 'REJECTED']) expect((await list(status)).every((f: { status: string }) => f.status === status)).toBe(true);
  });
});
