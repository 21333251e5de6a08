import type { DataSource } from 'typeorm';
import { addDays } from '@/domain/calendar';
import { today } from '@/lib/clock';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { upgradeOrder } from '../payments/support';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

// docs/product-rules.md, Refunds and credit notes
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;

const DOCUMENT = `id kind number issuedOn correctsInvoiceNumber reason orderCode netCents vatCents totalCents paymentMethod pdfUrl
  billing { name fiscalCode } lines { description amountCents }`;
const ISSUE = `mutation($input: IssueCreditNoteInput!) { issueCreditNote(input: $input) { creditNote { ${DOCUMENT} } userErrors { field code message } } }`;

async function issue(input: Record<string, unknown>) {
  const { body } = await api.gql(ISSUE, { input }, { token: admin.token });
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** The €30.59 invoice of an upgrade (net 25.07, VAT 5.52), paid by bank transfer on 2026-07-02. */
async function paidUpgrade(customer: AccountLogin) {
  const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
  const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO ${code}` });
  const { body } = await api.gql(`query($code: String!) { order(code: $code) { invoice { ${DOCUMENT} } } }`, { code }, { token: customer.token });
  expect(invoice!.totalCents).toBe(3059);
  return body.data.order.invoice;
}

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
});

describe('credit notes', () => {
  it('credits a whole invoice: every line and the same totals, dated today, with its billing data, order and reason', async () => {
    const customer = await newAccount(db, { name: 'Maria Bianchi', billing: { fiscalCode: 'BNCMRA80A41H501E' } });
    const invoice = await paidUpgrade(customer);
    process.env.PORTAL_TODAY = '2026-07-20';
    const { issueCreditNote } = await issue({ invoiceNumber: invoice.number, reason: 'Ordine annullato su richiesta del cliente' });
    expect(issueCreditNote.userErrors).toEqual([]);
    const [year, sequence] = invoice.number.split('/').map(Number);
    expect(issueCreditNote.creditNote).toEqual({
      id: expect.any(String), kind: 'CREDIT_NOTE', number: `${year}/${String(sequence + 1).padStart(6, '0')}`, issuedOn: '2026-07-20',
      correctsInvoiceNumber: invoice.number, reason: 'Ordine annullato su richiesta del cliente', orderCode: invoice.orderCode,
      netCents: 2507, vatCents: 552, totalCents: 3059, paymentMethod: 'BANK_TRANSFER', pdfUrl: `/api/invoices/${issueCreditNote.creditNote.id}/pdf`,
      billing: { name: 'Maria Bianchi', fiscalCode: 'BNCMRA80A41H501E' }, lines: invoice.lines,
    });
    expect(invoice).toMatchObject({ kind: 'INVOICE', correctsInvoiceNumber: null, reason: null });
    expect(invoice.lines.length).toBeGreaterThan(1);

    const listed = await api.gql('{ invoices { edges { node { number kind correctsInvoiceNumber totalCents } } } }', {}, { token: customer.token });
    expect(listed.body.data.invoices.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { number: issueCreditNote.creditNote.number, kind: 'CREDIT_NOTE', correctsInvoiceNumber: invoice.number, totalCents: 3059 },
      { number: invoice.number, kind: 'INVOICE', correctsInvoiceNumber: null, totalCents: 3059 },
    ]);
    const pdf = await api.raw({ method: 'GET', path: issueCreditNote.creditNote.pdfUrl, headers: { authorization: `Bearer ${customer.token}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="nota-di-credito-${issueCreditNote.creditNote.number.replace('/', '-')}.pdf"`);

    const trail = await api.gql(`query($id: String!) { auditTrail(filter: { entityId: $id }) { edges { node { action actorLabel after } } } }`, { id: issueCreditNote.creditNote.id }, { token: admin.token });
    expect(trail.body.data.auditTrail.edges).toEqual([{ node: {
      action: 'invoice.credit_note_issued', actorLabel: admin.user.email,
      after: { number: issueCreditNote.creditNote.number, corrects: invoice.number, reason: 'Ordine annullato su richiesta del cliente', netCents: 2507, vatCents: 552, totalCents: 3059 },
    } }]);
  });

  it('credits part of an invoice: one line, VAT at the invoice rate; together never more than the invoice', async () => {
    const customer = await newAccount(db);
    const invoice = await paidUpgrade(customer);
    const first = await issue({ invoiceNumber: invoice.number, amountCents: 1000, reason: 'Disservizio di 10 giorni' });
    expect(first.issueCreditNote.creditNote).toMatchObject({
      kind: 'CREDIT_NOTE', correctsInvoiceNumber: invoice.number, netCents: 1000, vatCents: 220, totalCents: 1220,
      lines: [{ description: `Nota di credito su fattura ${invoice.number}: Disservizio di 10 giorni`, amountCents: 1000 }],
    });

    const over = await issue({ invoiceNumber: invoice.number, amountCents: 1508, reason: 'Troppo' });
    expect(over.issueCreditNote).toEqual({ creditNote: null, userErrors: [{ field: 'amountCents', code: 'CREDIT_EXCEEDS_INVOICE', message: `1508 cents exceed the 1507 cents net left to credit on invoice ${invoice.number}` }] });
    const whole = await issue({ invoiceNumber: invoice.number, reason: 'Tutto' });
    expect(whole.issueCreditNote.userErrors).toEqual([expect.objectContaining({ field: 'amountCents', code: 'CREDIT_EXCEEDS_INVOICE' })]);

    const rest = await issue({ invoiceNumber: invoice.number, amountCents: 1507, reason: 'Saldo' });
    expect(rest.issueCreditNote.creditNote).toMatchObject({ netCents: 1507, vatCents: 332, totalCents: 1839 });
    expect(1220 + 1839).toBe(invoice.totalCents);
    const more = await issue({ invoiceNumber: invoice.number, amountCents: 1, reason: 'Ancora' });
    expect(more.issueCreditNote.userErrors).toEqual([expect.objectContaining({ code: 'CREDIT_EXCEEDS_INVOICE' })]);
  });

  it('lets concurrent credit notes take only what is left: five of €10.00 on €25.07, two issued', async () => {
    const invoice = await paidUpgrade(await newAccount(db));
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => issue({ invoiceNumber: invoice.number, amountCents: 1000, reason: `Concorrente ${n}` })));
    const refused = results.filter((r) => r.issueCreditNote.userErrors.length);
    expect(refused.map((r) => r.issueCreditNote.userErrors[0].code)).toEqual(['CREDIT_EXCEEDS_INVOICE', 'CREDIT_EXCEEDS_INVOICE', 'CREDIT_EXCEEDS_INVOICE']);
    const [{ credited }] = await db.query(`SELECT sum(net_cents)::int AS credited FROM invoices WHERE corrects_invoice_id = $1`, [invoice.id]);
    expect(credited).toBe(2000);
  });

  it('refuses an amount of nothing, a credit note of a credit note, an unknown number, no reason; and anyone but the back office', async () => {
    const customer = await newAccount(db);
    const invoice = await paidUpgrade(customer);
    const codes = async (input: Record<string, unknown>) => (await issue(input)).issueCreditNote.userErrors.map((e: { field: string; code: string }) => [e.field, e.code]);
    expect(await codes({ invoiceNumber: invoice.number, amountCents: 0, reason: 'Zero' })).toEqual([['amountCents', 'INVALID']]);
    expect(await codes({ invoiceNumber: invoice.number, amountCents: -100, reason: 'Negativo' })).toEqual([['amountCents', 'INVALID']]);
    expect(await codes({ invoiceNumber: invoice.number, reason: '   ' })).toEqual([['reason', 'REQUIRED']]);
    expect(await codes({ invoiceNumber: invoice.number, reason: 'x'.repeat(251) })).toEqual([['reason', 'TOO_LONG']]);
    expect(await codes({ invoiceNumber: '1999/000001', reason: 'Inesistente' })).toEqual([['invoiceNumber', 'NOT_FOUND']]);
    expect(await codes({ invoiceNumber: 'HCS-2026-000001', reason: 'Codice ordine' })).toEqual([['invoiceNumber', 'INVALID']]);
    const note = (await issue({ invoiceNumber: invoice.number, amountCents: 100, reason: 'Parziale' })).issueCreditNote.creditNote;
    expect(await codes({ invoiceNumber: note.number, reason: 'Nota della nota' })).toEqual([['invoiceNumber', 'NOT_AN_INVOICE']]);

    const refused = await api.gql(ISSUE, { input: { invoiceNumber: invoice.number, reason: 'Da cliente' } }, { token: customer.token });
    expect(refused.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM invoices WHERE corrects_invoice_id = $1`, [invoice.id]);
    expect(count).toBe(1);
  });

  it('takes its number from the invoices\' gapless yearly sequence: invoice, credit note, invoice → 1, 2, 3', async () => {
    process.env.PORTAL_TODAY = '2034-02-01';
    const customer = await newAccount(db);
    const pay = async () => {
      const service = await newService(db, customer.account, { productCode: 'HVPARK', termStartsOn: addDays(today(), -100), expiresOn: addDays(today(), 265) });
      const { order } = await renewService(db, customer.actor, service.id, 'BANK_TRANSFER');
      return (await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${order.code}` })).invoice!;
    };
    await pay();
    const note = (await issue({ invoiceNumber: '2034/000001', amountCents: 500, reason: 'Sconto concordato' })).issueCreditNote;
    await pay();
    expect(note.creditNote.number).toBe('2034/000002');
    const rows = await db.query(`SELECT number, kind FROM invoices WHERE year = 2034 ORDER BY number`);
    expect(rows).toEqual([{ number: 1, kind: 'INVOICE' }, { number: 2, kind: 'CREDIT_NOTE' }, { number: 3, kind: 'INVOICE' }]);
  });
});
