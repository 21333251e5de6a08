import { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { DataSource } from 'typeorm';
import { Account, ApiToken } from '@/entities';
import { validateInputs } from '@/graphql/input-validation';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

/** Text is refused at the edge, naming its field, before it could reach PostgreSQL or a column too short for it. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let reseller: AccountLogin;

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { id name reseller { id } billing { city province country } } userErrors { field code message } } }`;
const account = (input: Record<string, unknown>) => ({ name: 'Ditta Prova', email: `prova-${Math.random().toString(36).slice(2)}@example.test`, password: 'una password lunga', kind: 'CUSTOMER', ...input });

async function createAccount(input: Record<string, unknown>) {
  const { body } = await api.gql(CREATE_ACCOUNT, { input: account(input) }, { token: admin.token });
  expect(body.errors).toBeUndefined();
  return body.data.createAccount;
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  admin = await newAdmin(db);
  reseller = await newAccount(db, { kind: 'RESELLER' });
});

describe('text in mutations', () => {
  it('refuses a NUL or another control character with a userError naming the field, and writes nothing', async () => {
    const accounts = await db.getRepository(Account).count();
    expect(await createAccount({ name: 'Rossi\u0000 S.r.l.' })).toEqual({
      account: null, userErrors: [{ field: 'name', code: 'INVALID', message: 'name must be one line without control characters' }],
    });
    expect((await createAccount({ billing: { city: 'Mi\u001blano', addressLine: 'Via Roma 1\nScala B' } })).userErrors).toEqual([
      { field: 'billing.city', code: 'INVALID', message: 'billing.city must be one line without control characters' },
      { field: 'billing.addressLine', code: 'INVALID', message: 'billing.addressLine must be one line without control characters' },
    ]);
    expect(await db.getRepository(Account).count()).toBe(accounts);
  });

  it('refuses a billing country longer than its two letters, and one that is no country', async () => {
    expect((await createAccount({ billing: { country: 'ITALIA' } })).userErrors).toEqual([
      { field: 'billing.country', code: 'INVALID', message: 'The country is a two-letter ISO 3166 code, such as IT or DE' },
    ]);
    expect((await createAccount({ billing: { country: 'XX', province: '1' } })).userErrors).toEqual([
      { field: 'billing.country', code: 'INVALID', message: 'The country is a two-letter ISO 3166 code, such as IT or DE' },
    ]);
    expect((await createAccount({ billing: { country: 'IT', province: '1' } })).userErrors).toEqual([
      { field: 'billing.province', code: 'INVALID', message: 'The province is the two letters of an Italian province, such as RM or MI' },
    ]);
    expect((await createAccount({ billing: { country: 'de', province: 'bz' } })).account.billing).toMatchObject({ country: 'DE', province: 'bz' });
  });

  it('counts characters as the column does: an emoji is one', async () => {
    expect((await createAccount({ billing: { city: '🏛'.repeat(200) } })).account.billing.city).toBe('🏛'.repeat(200));
    expect((await createAccount({ billing: { city: '🏛'.repeat(201) } })).userErrors).toEqual([
      { field: 'billing.city', code: 'TOO_LONG', message: 'The city is longer than 200 characters' },
    ]);
  });

  it('refuses half a surrogate pair, which is no character', async () => {
    const tokens = await db.getRepository(ApiToken).count();
    const { body } = await api.gql('mutation($name: String!) { createApiToken(input: { name: $name }) { secret userErrors { field code } } }', { name: 'token \ud83d' }, { token: admin.token });
    expect(body.data.createApiToken).toEqual({ secret: null, userErrors: [{ field: 'name', code: 'INVALID' }] });
    expect(await db.getRepository(ApiToken).count()).toBe(tokens);
  });

  it('lets free text span lines, but not carry other control characters', async () => {
    const service = await newService(db, reseller.account, { productCode: 'HVPARK' });
    const CANCEL = 'mutation($id: ID!, $text: String) { cancelService(input: { serviceId: $id, reason: OTHER, reasonText: $text }) { quote { id } userErrors { field code } } }';
    const lines = await api.gql(CANCEL, { id: service.id, text: 'Chiudo l’attività.\r\n\tGrazie' }, { token: reseller.token });
    expect(lines.body.data.cancelService.userErrors).toEqual([]);
    expect((await db.query('SELECT cancellation_reason_text AS text FROM quotes WHERE id = $1', [lines.body.data.cancelService.quote.id]))[0].text).toBe('Chiudo l’attività.\r\n\tGrazie');
    const nul = await api.gql(CANCEL, { id: service.id, text: 'Chiudo\u0000' }, { token: reseller.token });
    expect(nul.body.data.cancelService).toEqual({ quote: null, userErrors: [{ field: 'reasonText', code: 'INVALID' }] });
  });

  it('answers a refused password-reset request with ok: false', async () => {
    const { body } = await api.gql('mutation { requestPasswordReset(input: { email: "a\\u0000@example.test" }) { ok userErrors { field code } } }');
    expect(body.data.requestPasswordReset).toEqual({ ok: false, userErrors: [{ field: 'email', code: 'INVALID' }] });
  });
});

describe('text in queries', () => {
  it('refuses it with BAD_USER_INPUT naming the argument, or the field of a filter', async () => {
    const trail = await api.gql('query($id: String) { auditTrail(filter: { entityId: $id }) { totalCount } }', { id: 'HCS\u0000' }, { token: admin.token });
    expect(trail.body.errors).toEqual([expect.objectContaining({
      message: 'filter.entityId must be one line without control characters',
      extensions: { code: 'BAD_USER_INPUT', problems: [{ field: 'filter.entityId', code: 'INVALID', message: 'filter.entityId must be one line without control characters' }], requestId: expect.any(String) },
    })]);
    const search = await api.gql('query($q: String) { clients(search: $q) { totalCount } }', { q: 'x'.repeat(2001) }, { token: reseller.token });
    expect(search.body.errors?.[0]).toMatchObject({ message: 'search must be at most 2000 characters', extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('page cursors', () => {
  it('page on through a list ordered by long names, whose cursors outgrow any column', async () => {
    const name = '漢'.repeat(200);
    for (let i = 0; i < 2; i += 1) expect((await createAccount({ name, billing: { kind: 'COMPANY' } })).userErrors).toEqual([]);
    const PAGE = 'query($after: String) { accounts(first: 1, search: "漢漢漢", after: $after) { edges { node { name } } pageInfo { endCursor } } }';
    const first = await api.gql(PAGE, {}, { token: admin.token });
    const { endCursor } = first.body.data.accounts.pageInfo;
    expect(endCursor.length).toBeGreaterThan(800);
    const next = await api.gql(PAGE, { after: endCursor }, { token: admin.token });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data.accounts.edges).toEqual([{ node: { name } }]);
  });
});

describe('ids', () => {
  it('are opaque: one that is not ours lists nothing, and an empty one names no account', async () => {
    const { body } = await api.gql('{ services(filter: { clientId: "not-an-id" }) { totalCount } orders(filter: { clientId: "42" }) { totalCount } }', {}, { token: reseller.token });
    expect([body.data, body.errors]).toEqual([{ services: { totalCount: 0 }, orders: { totalCount: 0 } }, undefined]);
    expect(await createAccount({ resellerId: '' })).toMatchObject({ account: { reseller: null }, userErrors: [] });
  });
});

describe('validateInputs', () => {
  const schemaWith = (payload: GraphQLObjectType) => new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ping: { type: GraphQLString } } }),
    mutation: new GraphQLObjectType({ name: 'Mutation', fields: { act: { type: payload, args: { text: { type: GraphQLString } } } } }),
  });
  const userErrors = { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) };

  it('refuses to build a schema whose payload could not report refused input', () => {
    const counted = new GraphQLObjectType({ name: 'Counted', fields: { count: { type: new GraphQLNonNull(GraphQLInt) }, userErrors } });
    expect(() => validateInputs(schemaWith(counted))).toThrow('Counted.count is required, so the payload cannot report refused input');
    const flagged = new GraphQLObjectType({ name: 'Flagged', fields: { ok: { type: new GraphQLNonNull(GraphQLBoolean) }, userErrors } });
    expect(() => validateInputs(schemaWith(flagged))).not.toThrow();
  });
});
