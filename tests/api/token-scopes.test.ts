import type { DataSource } from 'typeorm';
import { createApiToken } from '@/operations/access/api-tokens';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin } from '../support/fixtures';

// Product rules, "Integrations for resellers": API tokens with scopes, a client limit and an expiry.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let reseller: AccountLogin;
let clientA: AccountLogin;
let clientB: AccountLogin;
let orderCode: string;

const CREATE = `mutation($name: String!, $scopes: [String!], $clientId: ID, $expiresOn: Date) {
  createApiToken(input: { name: $name, scopes: $scopes, clientId: $clientId, expiresOn: $expiresOn }) { secret apiToken { scopes clientId expiresOn expired } userErrors { field code } } }`;
const tokenOf = async (login: AccountLogin, variables: Record<string, unknown>) => (await api.gql(CREATE, { name: 'integrazione', ...variables }, { token: login.token })).body.data.createApiToken;

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER' });
  clientA = await newAccount(db, { resellerId: reseller.account.id, name: 'Cliente A' });
  clientB = await newAccount(db, { resellerId: reseller.account.id, name: 'Cliente B' });
  await newService(db, clientA.account, { productCode: 'PERSONAL15', domain: 'cliente-a.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
  const serviceB = await newService(db, clientB.account, { productCode: 'PERSONAL15', domain: 'cliente-b.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
  const { order } = await renewService(db, clientB.actor, serviceB.id, 'BANK_TRANSFER');
  await recordOfflinePayment(db, (await newAdmin(db)).actor, { orderCode: order.code, amountCents: order.totalCents, reference: 'CRO 1' });
  orderCode = order.code;
});

describe('creating a scoped token', () => {
  it('keeps its scopes, client and last day; without scopes it has full access, as before', async () => {
    expect(await tokenOf(reseller, { scopes: ['services:read', 'orders:write'], clientId: clientA.account.id, expiresOn: '2026-12-31' })).toMatchObject({
      secret: expect.stringMatching(/^\w+/), apiToken: { scopes: ['services:read', 'orders:write'], clientId: clientA.account.id, expiresOn: '2026-12-31', expired: false }, userErrors: [],
    });
    expect((await api.gql('mutation { createApiToken(input: { name: "tutto" }) { apiToken { scopes clientId expiresOn } userErrors { code } } }', {}, { token: reseller.token })).body.data.createApiToken)
      .toEqual({ apiToken: { scopes: null, clientId: null, expiresOn: null }, userErrors: [] });
  });

  it.each([
    [{ scopes: ['services:admin'] }, 'scopes', 'INVALID'],
    [{ scopes: [] }, 'scopes', 'REQUIRED'],
    [{ expiresOn: '2026-07-02' }, 'expiresOn', 'PAST_DATE'],
    [{ clientId: '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b' }, 'clientId', 'NOT_FOUND'],
  ])('refuses %j', async (variables, field, code) => {
    expect(await tokenOf(reseller, variables)).toEqual({ secret: null, apiToken: null, userErrors: [{ field, code }] });
  });

  it("refuses a client that is another reseller's, or a client limit to a customer", async () => {
    const other = await newAccount(db, { kind: 'RESELLER' });
    expect((await tokenOf(other, { clientId: clientA.account.id })).userErrors).toEqual([{ field: 'clientId', code: 'NOT_FOUND' }]);
    expect((await tokenOf(clientA, { clientId: clientB.account.id })).userErrors).toEqual([{ field: 'clientId', code: 'NOT_AVAILABLE' }]);
  });

  it('gives from a scoped token only the scopes it holds, never full access', async () => {
    const scoped = { ...reseller, token: (await tokenOf(reseller, { scopes: ['services:write'] })).secret };
    expect((await tokenOf(scoped, { scopes: ['services:read'] })).userErrors).toEqual([]);
    expect((await tokenOf(scoped, { scopes: ['orders:read'] })).userErrors).toEqual([{ field: 'scopes', code: 'SCOPE_NOT_HELD' }]);
    expect((await tokenOf(scoped, {})).userErrors).toEqual([{ field: 'scopes', code: 'SCOPE_NOT_HELD' }]);
  });
});

describe('a scoped token', () => {
  it('reads its areas, and is refused any field of another area, nested ones too, naming the scope', async () => {
    const token = (await createApiToken(db, reseller.actor, { name: 'ordini', scopes: ['orders:read'] })).token;
    const order = await api.gql('query($code: String!) { order(code: $code) { code status } }', { code: orderCode }, { token });
    expect(order.body.data.order).toEqual({ code: orderCode, status: 'FULFILLED' });
    for (const [query, scope] of [
      ['query($code: String!) { order(code: $code) { code invoice { number } } }', 'invoices:read'],
      ['query($code: String!) { order(code: $code) { service { domain } } }', 'services:read'],
      ['query($code: String!) { ...F } fragment F on Query { order(code: $code) { code invoice { number } } }', 'invoices:read'],
      ['{ viewer { account { billing { fiscalCode } } } }', 'invoices:read'],
      ['{ services { totalCount } }', 'services:read'],
    ]) {
      const { status, body } = await api.gql(query, { code: orderCode }, { token });
      expect(status).toBe(403);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]).toMatchObject({ message: `The API token lacks the scope ${scope}`, extensions: { code: 'FORBIDDEN', requiredScope: scope } });
    }
    expect((await api.gql('{ viewer { user { email } account { name } } apiTokens { name } }', {}, { token })).body.errors).toBeUndefined();
  });

  it('with write reads the same area', async () => {
    const token = (await createApiToken(db, reseller.actor, { name: 'servizi', scopes: ['services:write'] })).token;
    expect((await api.gql('{ services(filter: { clientId: null }) { totalCount } }', {}, { token })).body.errors).toBeUndefined();
  });

  it("downloads an invoice's PDF only with invoices:read", async () => {
    const [{ id }] = await db.query('SELECT id FROM invoices WHERE account_id = $1', [clientB.account.id]);
    const download = async (scopes: string[]) => (await api.raw({ method: 'GET', path: `/api/invoices/${id}/pdf`, headers: { authorization: `Bearer ${(await createApiToken(db, reseller.actor, { name: 'pdf', scopes })).token}` } })).status;
    expect(await download(['orders:read'])).toBe(403);
    expect(await download(['invoices:read'])).toBe(200);
  });
});

describe('a token limited to one client', () => {
  it("reaches that client's account alone: its lists, its objects, the client list", async () => {
    const token = (await createApiToken(db, reseller.actor, { name: 'solo A', scopes: ['services:read', 'orders:read', 'clients:read'], clientId: clientA.account.id })).token;
    const full = (await createApiToken(db, reseller.actor, { name: 'tutti', scopes: ['services:read'] })).token;
    const domains = async (t: string, clientId?: string) => (await api.gql('query($id: ID) { services(filter: { clientId: $id }) { edges { node { domain } } } }', { id: clientId }, { token: t })).body.data.services.edges.map((e: { node: { domain: string } }) => e.node.domain);
    expect(await domains(token)).toEqual(['cliente-a.it']);
    expect(await domains(token, clientA.account.id)).toEqual(['cliente-a.it']);
    expect(await domains(token, clientB.account.id)).toEqual([]);
    expect(await domains(full, clientB.account.id)).toEqual(['cliente-b.it']);
    expect((await api.gql('query($code: String!) { order(code: $code) { code } }', { code: orderCode }, { token })).body.data.order).toBeNull();
    const clients = await api.gql('{ clients { edges { node { name } } } }', {}, { token });
    expect(clients.body.data.clients.edges).toEqual([{ node: { name: 'Cliente A' } }]);
    expect((await api.gql('query($id: ID!) { client(id: $id) { name } }', { id: clientB.account.id }, { token })).body.data.client).toBeNull();
  });
});

describe('an expired token', () => {
  afterEach(() => { process.env.PORTAL_TODAY = '2026-07-02'; });

  it('works through its last day in Europe/Rome, and is refused the day after, naming the day', async () => {
    const { secret } = await tokenOf(reseller, { scopes: ['services:read'], expiresOn: '2026-07-10' });
    process.env.PORTAL_TODAY = '2026-07-10';
    expect((await api.gql('{ viewer { user { email } } }', {}, { token: secret })).body.errors).toBeUndefined();
    process.env.PORTAL_TODAY = '2026-07-11';
    const { status, body } = await api.gql('{ viewer { user { email } } }', {}, { token: secret });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({ message: 'The API token expired: its last day was 2026-07-10', extensions: { code: 'UNAUTHENTICATED', expiredOn: '2026-07-10' } });
    const listed = await api.gql('{ apiTokens { expiresOn expired } }', {}, { token: reseller.token });
    expect(listed.body.data.apiTokens).toContainEqual({ expiresOn: '2026-07-10', expired: true });
  });
});
