import type { DataSource } from 'typeorm';
import { Service } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let reseller: AccountLogin;
let client: AccountLogin;
let otherReseller: AccountLogin;

const MISSING_ID = '6f1c2d4e-8a9b-4c3d-9e8f-7a6b5c4d3e2f';
const USER_ERRORS = 'userErrors { field code message }';
const REQUEST = `mutation($serviceId: ID!) { requestServiceChange(input: { serviceId: $serviceId, targetProductCode: "BUSINESS" }) { quote { id totalCents } ${USER_ERRORS} } }`;
const CANCEL = `mutation($serviceId: ID!) { cancelService(input: { serviceId: $serviceId, reason: SWITCHING_PROVIDER }) { quote { id kind effectiveOn } ${USER_ERRORS} } }`;
const CONFIRM = `mutation($quoteId: ID!) { confirmQuote(input: { quoteId: $quoteId, paymentMethod: BANK_TRANSFER }) { order { code status } cancellation { status } ${USER_ERRORS} } }`;
const WITHDRAW = `mutation($serviceId: ID!) { withdrawCancellation(input: { serviceId: $serviceId }) { cancellation { status } ${USER_ERRORS} } }`;
const RENEW = `mutation($serviceId: ID!) { renewService(input: { serviceId: $serviceId, paymentMethod: POSTAL_SLIP }) { order { code kind totalCents } ${USER_ERRORS} } }`;
const PAY = `mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: BANK_TRANSFER }) { order { code paymentMethod paymentInstructions { reference } } ${USER_ERRORS} } }`;

async function run(query: string, variables: Record<string, unknown>, login: AccountLogin) {
  const { body } = await api.gql(query, variables, { token: login.token });
  expect(body.errors).toBeUndefined();
  return Object.values(body.data as Record<string, any>)[0];
}

/** Another reseller gets exactly what a missing object gets. */
async function expectRefusedLikeMissing(query: string, real: Record<string, unknown>, missing: Record<string, unknown>) {
  const refused = await run(query, real, otherReseller);
  expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  expect(refused).toEqual(await run(query, missing, otherReseller));
}

const clientService = () => newService(db, client.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER' });
  client = await newAccount(db, { resellerId: reseller.account.id });
  otherReseller = await newAccount(db, { kind: 'RESELLER' });
});

describe("a reseller acting on its client's services", () => {
  it("quotes and confirms a change; the order is the client's, and the reseller pays it", async () => {
    const service = await clientService();
    await expectRefusedLikeMissing(REQUEST, { serviceId: service.id }, { serviceId: MISSING_ID });
    const { quote, userErrors } = await run(REQUEST, { serviceId: service.id }, reseller);
    expect(userErrors).toEqual([]);
    expect(quote.totalCents).toBe(3059);
    const { order } = await run(CONFIRM, { quoteId: quote.id }, reseller);
    expect(order.status).toBe('AWAITING_PAYMENT');
    const clientsOrders = await api.gql('{ orders { edges { node { code } } } }', {}, { token: client.token });
    expect(clientsOrders.body.data.orders.edges.map((e: any) => e.node.code)).toContain(order.code);

    await expectRefusedLikeMissing(PAY, { code: order.code }, { code: 'HCS-2026-999999' });
    const paid = await run(PAY, { code: order.code }, reseller);
    expect(paid).toEqual({ order: { code: order.code, paymentMethod: 'BANK_TRANSFER', paymentInstructions: { reference: order.code } }, userErrors: [] });
  });

  it("cancels a client's service and withdraws the cancellation", async () => {
    const service = await clientService();
    await expectRefusedLikeMissing(CANCEL, { serviceId: service.id }, { serviceId: MISSING_ID });
    const { quote } = await run(CANCEL, { serviceId: service.id }, reseller);
    expect(quote).toMatchObject({ kind: 'CANCELLATION', effectiveOn: '2027-01-01' });
    expect((await run(CONFIRM, { quoteId: quote.id }, reseller)).cancellation).toEqual({ status: 'CONFIRMED' });
    await expectRefusedLikeMissing(WITHDRAW, { serviceId: service.id }, { serviceId: MISSING_ID });
    expect(await run(WITHDRAW, { serviceId: service.id }, reseller)).toEqual({ cancellation: { status: 'WITHDRAWN' }, userErrors: [] });
  });

  it("renews a client's service at the list price; the order is the client's", async () => {
    const service = await clientService();
    await expectRefusedLikeMissing(RENEW, { serviceId: service.id }, { serviceId: MISSING_ID });
    const { order, userErrors } = await run(RENEW, { serviceId: service.id }, reseller);
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({ kind: 'RENEWAL', totalCents: 5978 });
    const seen = await api.gql('query($code: String!) { order(code: $code) { code service { id } } }', { code: order.code }, { token: client.token });
    expect(seen.body.data.order).toEqual({ code: order.code, service: { id: service.id } });
    expect((await db.getRepository(Service).findOneByOrFail({ id: service.id })).expiresOn).toBe('2027-01-01');
  });

  it("does not let the client confirm a quote its reseller asked for (a quote belongs to who asked)", async () => {
    const { quote } = await run(REQUEST, { serviceId: (await clientService()).id }, reseller);
    const refused = await run(CONFIRM, { quoteId: quote.id }, client);
    expect(refused).toEqual(await run(CONFIRM, { quoteId: MISSING_ID }, client));
  });
});
