import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Invoice, Product, Service } from '@/entities';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { statementsDuring } from '../support/statements';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { ORDER_FIELDS, upgradeOrder } from './support';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let admin: Login;

const RECORD = `mutation($code: String!, $amount: Int!, $ref: String!) { recordOfflinePayment(input: { orderCode: $code, amountCents: $amount, reference: $ref }) {
  order { code status } invoice { number totalCents } userErrors { field code message } } }`;
const ORDER = `query($code: String!) { order(code: $code) { ${ORDER_FIELDS} } }`;
/** A statement's first words: enough to tell which table it writes or reads. */
const head = (sql: string) => sql.trim().split(/[\s(]+/).slice(0, 3).join(' ');

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { name: 'Rossi S.r.l.', billing: { fiscalCode: '01234567897', vatNumber: '01234567897' } });
  admin = await newAdmin(db);
});

describe('bank transfer and postal slip', () => {
  it('shows the payment instructions with the HCS code as the reference', async () => {
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const { body } = await api.gql(ORDER, { code }, { token: customer.token });
    expect(body.data.order).toMatchObject({
      status: 'AWAITING_PAYMENT', paymentMethod: 'BANK_TRANSFER', placedOn: '2026-07-02', invoice: null, payments: [],
      paymentInstructions: { method: 'BANK_TRANSFER', beneficiary: 'HostingVirtuale S.r.l.', iban: 'IT60X0542811101000000123456', postalAccount: null, amountCents: 3059, amount: { formatted: '€ 30,59' }, reference: code },
    });
    const { code: slip } = await upgradeOrder(db, customer, 'POSTAL_SLIP');
    const postal = (await api.gql(ORDER, { code: slip }, { token: customer.token })).body.data.order.paymentInstructions;
    expect(postal).toMatchObject({ method: 'POSTAL_SLIP', iban: null, postalAccount: '000012345678', reference: slip });
  });

  it('refuses an amount different from the total and changes nothing', async () => {
    const { code, service } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const { body } = await api.gql(RECORD, { code, amount: 3058, ref: 'CRO 1' }, { token: admin.token });
    expect(body.data.recordOfflinePayment).toEqual({ order: null, invoice: null, userErrors: [{ field: 'amountCents', code: 'AMOUNT_MISMATCH', message: expect.stringContaining('3059') }] });
    expect((await api.gql(ORDER, { code }, { token: customer.token })).body.data.order).toMatchObject({ status: 'AWAITING_PAYMENT', payments: [], invoice: null });
    expect((await db.getRepository(Service).findOneByOrFail({ id: service.id })).recurringPriceCents).toBe(4900);
  });

  it('pays, invoices with a snapshot of the billing data, applies the change; a second recording is refused', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const { code, service } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const first = await api.gql(RECORD, { code, amount: 3059, ref: 'CRO 0001' }, { token: admin.token });
    expect(first.body.data.recordOfflinePayment).toMatchObject({ order: { code, status: 'FULFILLED' }, invoice: { number: expect.stringMatching(/^2026\/\d{6}$/), totalCents: 3059 }, userErrors: [] });

    await db.query(`UPDATE accounts SET name = 'Renamed S.p.A.' WHERE id = $1`, [customer.account.id]);
    const order = (await api.gql(ORDER, { code }, { token: customer.token })).body.data.order;
    expect(order).toMatchObject({
      status: 'FULFILLED', paymentInstructions: null,
      payments: [{ method: 'BANK_TRANSFER', provider: 'OFFLINE', status: 'SUCCEEDED', amountCents: 3059, testMode: false }],
      invoice: { year: 2026, issuedOn: '2026-07-02', netCents: 2507, vatCents: 552, totalCents: 3059, orderCode: code, billing: { name: 'Rossi S.r.l.', fiscalCode: '01234567897' }, lines: [{ amountCents: -2457 }, { amountCents: 4964 }] },
    });
    const business = await db.getRepository(Product).findOneByOrFail({ code: 'BUSINESS' });
    expect(await db.getRepository(Service).findOneByOrFail({ id: service.id })).toMatchObject({ productId: business.id, recurringPriceCents: 9900 });

    const again = await api.gql(RECORD, { code, amount: 3059, ref: 'CRO 0002' }, { token: admin.token });
    expect(again.body.data.recordOfflinePayment.userErrors).toEqual([{ field: 'orderCode', code: 'ALREADY_PAID', message: expect.any(String) }]);
    const pay = await api.gql('mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: CARD }) { cardPayment { clientSecret } userErrors { code } } }', { code }, { token: customer.token });
    expect(pay.body.data.payOrder).toEqual({ cardPayment: null, userErrors: [{ code: 'ORDER_NOT_PAYABLE' }] });
    expect(await db.getRepository(Invoice).countBy({ accountId: customer.account.id })).toBe(1);
  });

  it('takes the invoice\'s number with its insert, which writes the lines too, and then holds the year\'s counter for three statements and the commit', async () => {
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const statements = await statementsDuring(() => recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO held ${code}` }));
    const taking = statements.findIndex((sql) => sql.includes('"document_counters"'));
    expect(statements[taking]).toContain('INSERT INTO "invoices"');
    expect(statements[taking]).toContain('INSERT INTO "invoice_lines"');
    // Its e-invoice, the webhooks' invoice.issued deliveries and the email; then COMMIT.
    expect(statements.slice(taking + 1).map(head)).toEqual(['INSERT INTO "e_invoices"', 'INSERT INTO "webhook_deliveries"', 'INSERT INTO "notifications"', 'COMMIT']);
  });

  it('pays in 13 statements: one locks the service and the order, the trail and the webhooks take one each', async () => {
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const statements = await statementsDuring(() => recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO count ${code}` }));
    expect(statements.map(head)).toEqual([
      'START TRANSACTION',
      'SELECT "order"."tax_profile" AS', // FOR UPDATE OF "service", "order"
      'INSERT INTO "payments"',
      'UPDATE "services" SET',
      'UPDATE "orders" SET', // paid and fulfilled
      'INSERT INTO "audit_events"', // payment.recorded, order.paid, service.upgrade_applied, order.fulfilled
      'INSERT INTO "webhook_deliveries"', // order.paid, service.changed
      'SELECT "account"."id" AS', // the billed account, the order's lines, the e-invoice's progressive
      'WITH "taken" AS',
      'INSERT INTO "e_invoices"',
      'INSERT INTO "webhook_deliveries"', // invoice.issued
      'INSERT INTO "notifications"',
      'COMMIT',
    ]);
    expect(statements[1]).toMatch(/FOR UPDATE OF "service", "order"\s*$/);
    const trail = await db.query(`SELECT action FROM audit_events WHERE account_id = $1 AND (entity_id = (SELECT id::text FROM orders WHERE code = $2) OR after->>'orderCode' = $2) ORDER BY action`, [customer.account.id, code]);
    expect(trail.map((row: { action: string }) => row.action)).toEqual(['order.created', 'order.fulfilled', 'order.paid', 'payment.recorded', 'service.upgrade_applied']);
  });

  it('locks the service before the order: waiting for the order, it already holds the service', async () => {
    const { code, service } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const holder = new pg.Client({ connectionString: database.url() });
    const prober = new pg.Client({ connectionString: database.url() });
    await holder.connect();
    await prober.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM orders WHERE code = $1 FOR UPDATE', [code]);
      const payment = recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO order ${code}` });
      // The payment waits for the order's row lock…
      for (let waiting = 0; waiting === 0;) {
        [{ waiting }] = (await prober.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows;
      }
      // …holding the service's already.
      await expect(prober.query('SELECT 1 FROM services WHERE id = $1 FOR UPDATE NOWAIT', [service.id])).rejects.toMatchObject({ code: '55P03' });
      await holder.query('COMMIT');
      expect((await payment).order.status).toBe('FULFILLED');
    } finally {
      await holder.end();
      await prober.end();
    }
  });

  it('refuses a reference already recorded for another order, naming that order, and changes nothing', async () => {
    const first = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const second = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    expect((await api.gql(RECORD, { code: first.code, amount: 3059, ref: 'CRO 4242' }, { token: admin.token })).body.data.recordOfflinePayment.userErrors).toEqual([]);
    const invoices = await db.getRepository(Invoice).countBy({ accountId: customer.account.id });

    const { body } = await api.gql(RECORD, { code: second.code, amount: 3059, ref: ' CRO 4242 ' }, { token: admin.token });
    expect(body.data.recordOfflinePayment).toEqual({
      order: null, invoice: null,
      userErrors: [{ field: 'reference', code: 'REFERENCE_TAKEN', message: `the reference CRO 4242 was already recorded for order ${first.code}` }],
    });
    expect((await api.gql(ORDER, { code: second.code }, { token: customer.token })).body.data.order).toMatchObject({ status: 'AWAITING_PAYMENT', payments: [], invoice: null });
    expect(await db.getRepository(Invoice).countBy({ accountId: customer.account.id })).toBe(invoices);
  });

  it('gives a reference sent for several orders at once to one of them, and names it to the others', async () => {
    const orders = await Promise.all([1, 2, 3, 4].map(() => upgradeOrder(db, customer, 'BANK_TRANSFER')));
    const invoices = await db.getRepository(Invoice).countBy({ accountId: customer.account.id });
    const answers = await Promise.all(orders.map(({ code }) => api.gql(RECORD, { code, amount: 3059, ref: 'CRO 7777' }, { token: admin.token })));

    const payloads = answers.map(({ body }) => body.data.recordOfflinePayment);
    const paid = payloads.filter((payload) => payload.userErrors.length === 0);
    expect(paid).toHaveLength(1);
    const winner = paid[0].order.code;
    expect(paid[0]).toMatchObject({ order: { status: 'FULFILLED' }, invoice: { totalCents: 3059 } });
    expect(payloads.filter((payload) => payload !== paid[0])).toEqual(Array(3).fill({
      order: null, invoice: null,
      userErrors: [{ field: 'reference', code: 'REFERENCE_TAKEN', message: `the reference CRO 7777 was already recorded for order ${winner}` }],
    }));
    expect(await db.query(`SELECT count(*)::int AS n FROM payments WHERE provider_reference = 'CRO 7777'`)).toEqual([{ n: 1 }]);
    expect(await db.getRepository(Invoice).countBy({ accountId: customer.account.id })).toBe(invoices + 1);
  });

  it('is for the back office only', async () => {
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const { body } = await api.gql(RECORD, { code, amount: 3059, ref: 'x' }, { token: customer.token });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });

  it('reports an unknown order code', async () => {
    const { body } = await api.gql(RECORD, { code: 'HCS-2026-999999', amount: 100, ref: 'x' }, { token: admin.token });
    expect(body.data.recordOfflinePayment.userErrors[0]).toMatchObject({ field: 'orderCode', code: 'NOT_FOUND' });
  });
});
