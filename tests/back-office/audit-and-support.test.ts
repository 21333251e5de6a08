import type { DataSource } from 'typeorm';
import { AuditEvent } from '@/entities';
import { listAuditTrail } from '@/operations/back-office/audit-trail';
import { listCancellations } from '@/operations/back-office/support-cancellations';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';
import { upgradeOrder } from '../payments/support';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let customer: AccountLogin;

const TRAIL = `query($first: Int, $after: String, $filter: AuditTrailFilter) { auditTrail(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id action entityType entityId accountId actorLabel before after createdAt } } } }`;

async function trail(variables: Record<string, unknown>) {
  const { body } = await api.gql(TRAIL, variables, { token: admin.token });
  expect(body.errors).toBeUndefined();
  return body.data.auditTrail;
}

async function cancel(login: AccountLogin, serviceId: string, reason: string) {
  const quoted = await api.gql('mutation($id: ID!, $reason: CancellationReason!) { cancelService(input: { serviceId: $id, reason: $reason, reasonText: "test" }) { quote { id } } }', { id: serviceId, reason }, { token: login.token });
  await api.gql('mutation($id: ID!) { confirmQuote(input: { quoteId: $id }) { cancellation { id } } }', { id: quoted.body.data.cancelService.quote.id }, { token: login.token });
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  admin = await newAdmin(db);
  customer = await newAccount(db, { name: 'Cliente Storico' });
});

describe('the audit trail', () => {
  it("lists an account's changes newest first, with who, what and before → after", async () => {
    const service = await newService(db, customer.account, { productCode: 'BUSINESS', domain: 'storico.it' });
    await api.gql('mutation { createApiToken(input: { name: "script" }) { secret } }', {}, { token: customer.token });
    const { edges } = await trail({ filter: { accountId: customer.account.id } });
    expect(edges.map((e: any) => e.node.action)).toEqual(['api_token.created', 'service.provisioned', 'api_token.created', 'account.created']);
    expect(edges[1].node).toMatchObject({ entityType: 'Service', entityId: service.id, accountId: customer.account.id, actorLabel: 'system', before: null, after: expect.objectContaining({ domain: 'storico.it', product: 'BUSINESS' }) });
    expect(edges[0].node.actorLabel).toBe(customer.user.email);
  });

  it('filters by object and by action', async () => {
    const { edges } = await trail({ filter: { entityId: customer.account.id } });
    expect(edges.map((e: any) => e.node.action)).toEqual(['account.created']);
    const created = await trail({ filter: { action: 'account.created' } });
    expect(created.totalCount).toBe(1);
  });

  it('finds an object by its code: an order by its HCS code, a product by its code, an invoice by its number (its order)', async () => {
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const record = 'mutation($code: String!) { recordOfflinePayment(input: { orderCode: $code, amountCents: 3059, reference: $code }) { invoice { number } } }';
    const paid = await api.gql(record, { code }, { token: admin.token });
    const { number } = paid.body.data.recordOfflinePayment.invoice;
    // Paid and fulfilled in one transaction: the same instant, in no particular order.
    const orderEvents = ['order.created', 'order.fulfilled', 'order.paid'];
    const actions = (page: any) => page.edges.map((e: any) => `${e.node.entityType} ${e.node.action}`).sort();
    expect(actions(await trail({ filter: { entityId: code } }))).toEqual(orderEvents.map((action) => `Order ${action}`));
    expect((await trail({ filter: { entityId: code.toLowerCase() } })).totalCount).toBe(3);
    expect(actions(await trail({ filter: { entityId: number } }))).toEqual(orderEvents.map((action) => `Order ${action}`));
    expect((await trail({ filter: { entityId: code, action: 'order.paid' } })).totalCount).toBe(1);

    await api.gql('mutation { updateProduct(input: { code: "HVPARK", priceCents: 1600 }) { userErrors { code } } }', {}, { token: admin.token });
    const product = await trail({ filter: { entityId: 'HVPARK' } });
    expect(product.edges.map((e: any) => [e.node.entityType, e.node.action, e.node.after])).toEqual([['Product', 'product.updated', { priceCents: 1600 }]]);
    expect((await trail({ filter: { entityId: 'HCS-2026-999999' } })).totalCount).toBe(0);
  });

  it('walks every event exactly once by cursor, even many written in the same millisecond', async () => {
    const at = new Date();
    await db.getRepository(AuditEvent).insert(Array.from({ length: 45 }, (_, i) => ({ actorLabel: 'system', action: 'test.burst', entityType: 'Test', entityId: String(i), accountId: null, createdAt: at })));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await trail({ first: 10, after, filter: { action: 'test.burst' } });
      seen.push(...page.edges.map((e: any) => e.node.entityId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('is read by the back office alone, whoever calls the operation', async () => {
    const page = { first: 100, after: null };
    expect((await listAuditTrail(db, admin.actor, { accountId: customer.account.id }, page)).rows.map((event) => event.action)).toContain('account.created');
    expect((await listAuditTrail(db, customer.actor, { accountId: customer.account.id }, page)).rows).toEqual([]);
    expect((await listAuditTrail(db, customer.actor, {}, page)).rows).toEqual([]);
  });

  it('names a bad filter', async () => {
    const { body } = await api.gql(TRAIL, { filter: { accountId: 'nope' } }, { token: admin.token });
    expect(body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'accountId must be an account id' });
  });
});

describe("support's list of cancellations", () => {
  it('lists the confirmed cancellations, soonest first, with the service, the account and the reason', async () => {
    const later = await newService(db, customer.account, { productCode: 'BUSINESS', domain: 'dopo.it', termStartsOn: '2026-03-01', expiresOn: '2027-03-01' });
    const sooner = await newService(db, customer.account, { productCode: 'HVPARK', domain: 'prima.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const withdrawn = await newService(db, customer.account, { productCode: 'HVPARK', domain: 'ripensato.it' });
    await cancel(customer, later.id, 'TOO_EXPENSIVE');
    await cancel(customer, sooner.id, 'SWITCHING_PROVIDER');
    await cancel(customer, withdrawn.id, 'OTHER');
    await api.gql('mutation($id: ID!) { withdrawCancellation(input: { serviceId: $id }) { cancellation { id } } }', { id: withdrawn.id }, { token: customer.token });

    const query = '{ cancellations { edges { node { reason reasonText effectiveOn status service { domain } account { name } } } } }';
    const { body } = await api.gql(query, {}, { token: admin.token });
    expect(body.data.cancellations.edges.map((e: any) => e.node)).toEqual([
      { reason: 'SWITCHING_PROVIDER', reasonText: 'test', effectiveOn: '2027-01-01', status: 'CONFIRMED', service: { domain: 'prima.it' }, account: { name: 'Cliente Storico' } },
      { reason: 'TOO_EXPENSIVE', reasonText: 'test', effectiveOn: '2027-03-01', status: 'CONFIRMED', service: { domain: 'dopo.it' }, account: { name: 'Cliente Storico' } },
    ]);
    const taken = await api.gql('{ cancellations(status: WITHDRAWN) { edges { node { service { domain } } } } }', {}, { token: admin.token });
    expect(taken.body.data.cancellations.edges).toEqual([{ node: { service: { domain: 'ripensato.it' } } }]);
  });

  it('is read by the back office alone, whoever calls the operation', async () => {
    const page = { first: 100, after: null };
    expect((await listCancellations(db, admin.actor, 'CONFIRMED', page)).rows).toHaveLength(2);
    expect((await listCancellations(db, customer.actor, 'CONFIRMED', page)).rows).toEqual([]);
  });
});
