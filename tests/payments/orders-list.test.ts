import type { DataSource } from 'typeorm';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
const codes: Record<string, string> = {};

const LIST = `query($filter: OrderFilter, $first: Int, $after: String) { orders(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { code placedOn status } } } }`;

async function placeOn(day: string, domain: string): Promise<string> {
  process.env.PORTAL_TODAY = day;
  const service = await newService(db, customer.account, { productCode: 'HVPARK', domain, termStartsOn: '2026-01-15', expiresOn: '2027-01-15' });
  return (await renewService(db, customer.actor, service.id, 'BANK_TRANSFER')).order.code;
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db);
  codes.march = await placeOn('2026-03-10', 'marzo.it');
  codes.may = await placeOn('2026-05-20', 'maggio.it');
  codes.june = await placeOn('2026-06-30', 'giugno.it');
  const admin = await newAdmin(db);
  await recordOfflinePayment(db, admin.actor, { orderCode: codes.may, amountCents: 1830, reference: 'CRO' });
  await newAccount(db).then((other) => newService(db, other.account, { productCode: 'HVPARK' }).then((s) => renewService(db, other.actor, s.id, 'CARD')));
});

const list = async (filter: object, first?: number, after?: string) =>
  (await api.gql(LIST, { filter, first, after }, { token: customer.token })).body.data.orders;

describe('the Orders page queries', () => {
  it('lists the account orders newest first', async () => {
    const orders = await list({});
    expect(orders.totalCount).toBe(3);
    expect(orders.edges.map((e: any) => e.node.code)).toEqual([codes.june, codes.may, codes.march]);
  });

  it('finds an order by its HCS code, whole or in part, and by status', async () => {
    expect((await list({ code: codes.may })).edges.map((e: any) => e.node)).toEqual([{ code: codes.may, placedOn: '2026-05-20', status: 'FULFILLED' }]);
    expect((await list({ code: codes.march.slice(-6).toLowerCase() })).edges.map((e: any) => e.node.code)).toContain(codes.march);
    expect((await list({ status: 'AWAITING_PAYMENT' })).edges.map((e: any) => e.node.code)).toEqual([codes.june, codes.march]);
    expect((await list({ code: '%' })).totalCount).toBe(0);
  });

  it('filters by the day placed, inclusive', async () => {
    expect((await list({ from: '2026-05-20', to: '2026-06-30' })).edges.map((e: any) => e.node.code)).toEqual([codes.june, codes.may]);
    expect((await list({ to: '2026-05-19' })).edges.map((e: any) => e.node.code)).toEqual([codes.march]);
  });

  it('pages with cursors', async () => {
    const first = await list({}, 2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({}, 2, first.pageInfo.endCursor);
    expect(rest.edges.map((e: any) => e.node.code)).toEqual([codes.march]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a malformed date naming the field', async () => {
    const { body } = await api.gql(LIST, { filter: { from: '2026-13-01' } }, { token: customer.token });
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/Date/);
  });
});
