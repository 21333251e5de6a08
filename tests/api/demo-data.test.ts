import type { DataSource } from 'typeorm';
import { DEMO_LOGINS, seedDemoData } from '@/operations/demo/seed-demo-data';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { createApiToken } from '@/operations/access/api-tokens';
import { actorForUser } from '@/operations/access/resolve-actor';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

async function tokenOf(login: { email: string; password: string }): Promise<string> {
  const userId = await authenticateWithPassword(db, login.email, login.password);
  expect(userId).not.toBeNull();
  return (await createApiToken(db, (await actorForUser(db, userId!))!, { name: 'demo' })).token;
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-11-29';
  db = await database.db();
  expect(await seedDemoData(db, '2026-11-29')).toBe(true);
  expect(await seedDemoData(db, '2026-11-29')).toBe(false);
});

describe('demo data', () => {
  it("spreads the demo customer's schedule over 5, 30, 59, 61 and 200 days, with one deactivated service", async () => {
    const { body } = await api.gql('{ expirySchedule(first: 50) { edges { node { daysLeft status product { category { code } } } } } }', {}, { token: await tokenOf(DEMO_LOGINS.customer) });
    const rows = body.data.expirySchedule.edges.map((e: any) => [e.node.daysLeft, e.node.status]);
    expect(rows).toEqual([[-12, 'DEACTIVATED'], [5, 'ACTIVE'], [30, 'ACTIVE'], [59, 'ACTIVE'], [61, 'ACTIVE'], [200, 'ACTIVE']]);
  });

  it('covers every category across the customers', async () => {
    const { body } = await api.gql('{ services(first: 100) { edges { node { product { category { code } } } } } }', {}, { token: await tokenOf(DEMO_LOGINS.admin) });
    const categories = new Set(body.data.services.edges.map((e: any) => e.node.product.category.code));
    expect([...categories].sort()).toEqual(['CLOUD', 'DEDICATED', 'DOMAIN', 'HOSTING', 'PEC', 'RESELLER', 'VPS']);
  });

  it("gives the reseller an EASY plan hosting three clients' additional domains", async () => {
    const token = await tokenOf(DEMO_LOGINS.reseller);
    const own = await api.gql('{ viewer { account { kind } } services { edges { node { id product { code } } } } }', {}, { token });
    expect(own.body.data.viewer.account.kind).toBe('RESELLER');
    const [plan] = own.body.data.services.edges.map((e: any) => e.node);
    expect(plan.product.code).toBe('EASY');
    const children: { parent_service_id: string; n: number }[] = await db.query(`SELECT parent_service_id, count(DISTINCT account_id)::int AS n FROM services WHERE parent_service_id IS NOT NULL GROUP BY 1`);
    expect(children).toEqual([{ parent_service_id: plan.id, n: 3 }]);
  });

  it('has past paid orders with gapless invoice numbers per year, and one order awaiting payment', async () => {
    const invoices: { year: number; numbers: number[] }[] = await db.query(`SELECT year, array_agg(number ORDER BY number) AS numbers FROM invoices GROUP BY year ORDER BY year`);
    expect(invoices.length).toBeGreaterThan(0);
    for (const { numbers } of invoices) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const statuses: { status: string; n: number }[] = await db.query(`SELECT status, count(*)::int AS n FROM orders GROUP BY status ORDER BY status`);
    expect(statuses).toEqual([{ status: 'AWAITING_PAYMENT', n: 1 }, { status: 'FULFILLED', n: invoices.reduce((sum, y) => sum + y.numbers.length, 0) }]);
  });

  it('gives every invoice its e-invoice, the demo customer\'s newest one rejected for the back office to send again', async () => {
    const [{ invoices, files }] = await db.query(`SELECT (SELECT count(*)::int FROM invoices) AS invoices, (SELECT count(*)::int FROM e_invoices) AS files`);
    expect(files).toBe(invoices);
    const token = await tokenOf(DEMO_LOGINS.admin);
    const { body } = await api.gql('{ eInvoices(status: REJECTED) { edges { node { status notifications { kind errors { code } } invoice { number } } } } }', {}, { token });
    expect(body.data.eInvoices.edges).toEqual([{ node: { status: 'REJECTED', notifications: [{ kind: 'NS', errors: [{ code: '00311' }] }], invoice: { number: expect.any(String) } } }]);
    const { number } = body.data.eInvoices.edges[0].node.invoice;
    const resent = await api.gql('mutation($number: String!) { resendEInvoice(input: { invoiceNumber: $number }) { eInvoice { status } userErrors { code } } }', { number }, { token });
    expect(resent.body.data.resendEInvoice).toEqual({ eInvoice: { status: 'TO_SEND' }, userErrors: [] });
  });
});
