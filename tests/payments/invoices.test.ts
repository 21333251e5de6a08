import type { DataSource } from 'typeorm';
import { addDays } from '@/domain/calendar';
import { today } from '@/lib/clock';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';
import { upgradeOrder } from './support';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;

async function renewalOrders(login: AccountLogin, count: number): Promise<{ code: string; serviceId: string; totalCents: number }[]> {
  const orders = [];
  for (let i = 0; i < count; i += 1) {
    const service = await newService(db, login.account, { productCode: 'HVPARK', termStartsOn: addDays(today(), -100), expiresOn: addDays(today(), 265) });
    const { order } = await renewService(db, login.actor, service.id, 'BANK_TRANSFER');
    orders.push({ code: order.code, serviceId: service.id, totalCents: order.totalCents });
  }
  return orders;
}

const numbersOf = async (year: number): Promise<number[]> =>
  (await db.query(`SELECT number FROM invoices WHERE year = $1 ORDER BY number`, [year])).map((r: { number: number }) => r.number);

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
});

describe('invoice numbers', () => {
  it('100 concurrent payments take numbers 1..100 of the year, no gap, no duplicate; a payment that rolls back takes none', async () => {
    process.env.PORTAL_TODAY = '2031-03-01';
    const customer = await newAccount(db);
    const orders = await renewalOrders(customer, 101);
    const doomed = orders[37];
    await db.query(`CREATE FUNCTION fail_doomed() RETURNS trigger AS $$ BEGIN IF NEW.id = '${doomed.serviceId}' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER fail_doomed BEFORE UPDATE ON services FOR EACH ROW EXECUTE FUNCTION fail_doomed()`);
    const results = await Promise.allSettled(orders.map((order) =>
      recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${order.code}` })));
    await db.query(`DROP TRIGGER fail_doomed ON services; DROP FUNCTION fail_doomed()`);

    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await numbersOf(2031)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const [{ status }] = await db.query(`SELECT status FROM orders WHERE code = $1`, [doomed.code]);
    expect(status).toBe('AWAITING_PAYMENT');

    await recordOfflinePayment(db, admin.actor, { orderCode: doomed.code, amountCents: doomed.totalCents, reference: 'CRO late' });
    expect(await numbersOf(2031)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
  });

  it('restarts the numbering each calendar year', async () => {
    const customer = await newAccount(db);
    process.env.PORTAL_TODAY = '2032-12-31';
    const [last] = await renewalOrders(customer, 1);
    await recordOfflinePayment(db, admin.actor, { orderCode: last.code, amountCents: last.totalCents, reference: 'a' });
    process.env.PORTAL_TODAY = '2033-01-01';
    const [first] = await renewalOrders(customer, 1);
    await recordOfflinePayment(db, admin.actor, { orderCode: first.code, amountCents: first.totalCents, reference: 'b' });
    const { body } = await api.gql('{ invoices { edges { node { number year issuedOn } } } }', {}, { token: customer.token });
    expect(body.data.invoices.edges.map((e: any) => e.node)).toEqual([
      { number: '2033/000001', year: 2033, issuedOn: '2033-01-01' },
      { number: '2032/000001', year: 2032, issuedOn: '2032-12-31' },
    ]);
    const only2032 = await api.gql('{ invoices(year: 2032) { totalCount edges { node { number } } } }', {}, { token: customer.token });
    expect(only2032.body.data.invoices).toEqual({ totalCount: 1, edges: [{ node: { number: '2032/000001' } }] });
    expect((await api.gql('{ invoiceYears }', {}, { token: customer.token })).body.data.invoiceYears).toEqual([2033, 2032]);
    expect((await api.gql('{ invoiceYears }', {}, { token: (await newAccount(db)).token })).body.data.invoiceYears).toEqual([]);
  });
});

describe('invoice PDF', () => {
  it('opens for the owner, the reseller and the back office, as a 404 for anyone else', async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const client = await newAccount(db, { name: 'Cliente Fattura', resellerId: reseller.account.id, billing: { fiscalCode: 'RSSMRA80A01H501U' } });
    const { code } = await upgradeOrder(db, client, 'BANK_TRANSFER');
    await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: 'CRO pdf' });
    const { body } = await api.gql('query($code: String!) { order(code: $code) { invoice { number pdfUrl } } }', { code }, { token: client.token });
    const { pdfUrl, number } = body.data.order.invoice;

    for (const who of [client, reseller, admin]) {
      const response = await api.raw({ method: 'GET', path: pdfUrl, headers: { authorization: `Bearer ${who.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="fattura-${number.replace('/', '-')}.pdf"`);
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const stranger = await newAccount(db);
    expect((await api.raw({ method: 'GET', path: pdfUrl, headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await api.raw({ method: 'GET', path: '/api/invoices/00000000-0000-4000-8000-000000000000/pdf', headers: { authorization: `Bearer ${client.token}` } })).status).toBe(404);
    expect((await api.raw({ method: 'GET', path: pdfUrl })).status).toBe(401);
    expect((await api.raw({ method: 'GET', path: pdfUrl, headers: { cookie: client.cookie } })).status).toBe(200);
  });
});
