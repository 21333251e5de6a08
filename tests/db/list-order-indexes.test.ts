import type { DataSource } from 'typeorm';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';
import { queriesDuring, type SentStatement } from '../support/statements';

/**
 * Lists that can grow past one account's rows — a reseller's clients and the back office's lists —
 * must read a page in their order from an index, never sort the whole table: at a million services a
 * sort costs each page a scan of everything. Each page's statement, first page and the one after a
 * cursor, is planned with sorting switched off; a plan that still sorts has no index in that order.
 */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let reseller: AccountLogin;

interface PlanNode { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] }
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function planNodes(text: string, values: unknown[], switchedOff = ['enable_sort']): Promise<PlanNode[]> {
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    for (const setting of switchedOff) await runner.query(`SET LOCAL ${setting} = off`);
    const [{ 'QUERY PLAN': [plan] }] = await runner.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
    return nodesOf(plan.Plan);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const planOf = async (text: string, values: unknown[]) => (await planNodes(text, values)).map((node) => node['Node Type']);

/** The statements of the first page of one row of `field` (with `args`), then of the page after it. */
async function pageStatements(field: string, caller: Caller, args = ''): Promise<SentStatement[]> {
  const page = (after: string | null) => api.gql(`query($after: String) { ${field}(first: 1, after: $after${args}) { pageInfo { endCursor } } }`, { after }, caller);
  const statements = await queriesDuring(async () => {
    const first = await page(null);
    expect(first.body.errors).toBeUndefined();
    const { endCursor } = first.body.data[field].pageInfo;
    expect(endCursor).toEqual(expect.any(String));
    expect((await page(endCursor)).body.errors).toBeUndefined();
  });
  const pages = statements.filter(({ text }) => /\bORDER BY\b/.test(text) && /\bLIMIT 2\b/.test(text));
  expect(pages).toHaveLength(2);
  return pages;
}

const pagePlans = async (field: string, caller: Caller) => Promise.all((await pageStatements(field, caller)).map(({ text, values }) => planOf(text, values)));

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  admin = await newAdmin(db);
  reseller = await newAccount(db, { kind: 'RESELLER' });
  for (const name of ['Bianchi', 'Rossi']) {
    const client = await newAccount(db, { name, resellerId: reseller.account.id });
    const [kept, cancelled] = await Promise.all(['HVPARK', 'BUSINESS'].map((productCode) => newService(db, client.account, { productCode })));
    const { order } = await renewService(db, client.actor, kept.id, 'BANK_TRANSFER');
    await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${name}` });
    await renewService(db, client.actor, kept.id, 'BANK_TRANSFER');
    const quote = await cancelService(db, client.actor, { serviceId: cancelled.id, reason: 'NO_LONGER_NEEDED' });
    await confirmQuote(db, client.actor, { quoteId: quote.id });
  }
});

describe('lists that grow past one account read their page from an index', () => {
  it("a reseller's clients", async () => {
    for (const plan of await pagePlans('clients', { token: reseller.token })) expect(plan).not.toContain('Sort');
  });

  it.each(['clients', 'accounts', 'services', 'expirySchedule', 'orders', 'invoices', 'notifications', 'auditTrail', 'cancellations', 'eInvoices'])('the back office: %s', async (field) => {
    for (const plan of await pagePlans(field, { token: admin.token })) expect(plan).not.toContain('Sort');
  });

  // Without sorting, every order could still be read newest first and filtered: the index must be the one by status.
  it('the back office: orders in one status', async () => {
    for (const { text, values } of await pageStatements('orders', { token: admin.token }, ', filter: { status: AWAITING_PAYMENT }')) {
      const indexes = (await planNodes(text, values)).map((node) => node['Index Name']).filter(Boolean);
      expect(indexes).toEqual(['IDX_orders_status_placed']);
    }
  });

  // Of a few rows, the page after a cursor may rightly be read from the cursor on in the index by date: only the
  // first page is looked at.
  it('the back office: e-invoices in one status', async () => {
    // Most files were answered long ago: those in a status to act on are few.
    await db.query(`UPDATE e_invoices SET status = 'DELIVERED' WHERE id = (SELECT min(id::text)::uuid FROM e_invoices)`);
    await db.query('ANALYZE e_invoices');
    const [{ text, values }] = await pageStatements('eInvoices', { token: admin.token }, ', status: TO_SEND');
    const indexes = (await planNodes(text, values)).map((node) => node['Index Name']).filter(Boolean);
    expect(indexes).toEqual(['IDX_e_invoices_current_status_created']);
  });
});

// With reading the table and walking an index switched off, a search that no index can serve is still
// planned as a table scan; only a trigram index turns `LIKE '%…%'` into an index condition. (After a
// cursor, the planner may rightly start from the cursor instead: only the first page is looked at.)
describe('searching by part of a value reads a trigram index', () => {
  async function firstPageIndexes(field: string, args: string): Promise<string[]> {
    const [{ text, values }] = await pageStatements(field, { token: admin.token }, args);
    const nodes = await planNodes(text, values, ['enable_seqscan', 'enable_indexscan', 'enable_indexonlyscan']);
    return nodes.map((node) => node['Index Name']).filter((name): name is string => Boolean(name)).sort();
  }

  it('clients by part of the name or the email', async () => {
    expect(await firstPageIndexes('clients', ', search: "ossi"')).toEqual(['IDX_accounts_email_trgm', 'IDX_accounts_name_trgm']);
  });

  it('orders by part of the HCS code', async () => {
    const [{ code }] = await db.query(`SELECT code FROM orders LIMIT 1`);
    expect(await firstPageIndexes('orders', `, filter: { code: "${code.slice(-5)}" }`)).toEqual(['IDX_orders_code_trgm']);
  });
});

describe('a page is planned for its own values', () => {
  // A prepared statement's generic plan cannot use a partial index: orders awaiting payment would be
  // found by reading every order instead of through UQ_orders_open_per_service.
  it('so list statements are never sent as named prepared statements', async () => {
    for (const field of ['orders', 'clients', 'expirySchedule']) {
      for (const statement of await pageStatements(field, { token: admin.token })) expect(statement.name).toBeUndefined();
    }
  });
});
