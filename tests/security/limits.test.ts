import { getIntrospectionQuery } from 'graphql';
import type { DataSource } from 'typeorm';
import { LIMITS } from '@/graphql/limits';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let admin: Login;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  api.raw({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** `{ viewer { account { reseller { reseller … } } } }` reaching `depth` levels. */
function nested(depth: number): string {
  return `{ viewer { account { ${'reseller { '.repeat(depth - 3)}id${' }'.repeat(depth - 3)} } } }`;
}

async function expectRefused(query: string, code: string, message: RegExp, caller = { token: customer.token }, variables: Record<string, unknown> = {}) {
  const { status, body } = await api.gql(query, variables, caller);
  expect(status).toBe(400);
  expect(body.data).toBeUndefined();
  expect(body.errors?.[0]).toMatchObject({ extensions: { code }, message: expect.stringMatching(message) });
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db);
  admin = await newAdmin(db);
});

describe('query limits', () => {
  it(`allows ${LIMITS.maxDepth} levels of nesting and refuses one more, fragments included`, async () => {
    expect((await api.gql(nested(LIMITS.maxDepth), {}, { token: customer.token })).body.errors).toBeUndefined();
    await expectRefused(nested(LIMITS.maxDepth + 1), 'GRAPHQL_VALIDATION_FAILED', /levels deep/);
    const viaFragments = `{ viewer { ...A } } fragment A on Viewer { account { ...B } } fragment B on Account { ${'reseller { '.repeat(LIMITS.maxDepth - 2)}id${' }'.repeat(LIMITS.maxDepth - 2)} }`;
    await expectRefused(viaFragments, 'GRAPHQL_VALIDATION_FAILED', /levels deep/);
  });

  it(`allows ${LIMITS.maxAliases} aliases and refuses more`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect((await api.gql(aliases(LIMITS.maxAliases), {}, { token: customer.token })).body.errors).toBeUndefined();
    await expectRefused(aliases(LIMITS.maxAliases + 1), 'GRAPHQL_VALIDATION_FAILED', /aliases/);
  });

  it(`refuses a document of more than ${LIMITS.maxTokens} tokens before parsing it all`, async () => {
    await expectRefused(`{ ${'__typename '.repeat(LIMITS.maxTokens)} }`, 'GRAPHQL_PARSE_FAILED', /more that \d+ tokens/);
  });

  it('counts a page as its items times first, and refuses an operation costing too much', async () => {
    const services = (first: number, n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: services(first: ${first}) { edges { node { id domain status expiresOn daysLeft } } }`).join(' ')} }`;
    expect((await api.gql(services(100, 1), {}, { token: customer.token })).body.errors).toBeUndefined();
    await expectRefused(services(100, 20), 'QUERY_TOO_COMPLEX', /would cost \d+ points; at most 10000/);
    // first comes from the variables too
    const paged = `query($n: Int) { ${Array.from({ length: 20 }, (_, i) => `s${i}: services(first: $n) { edges { node { id domain status expiresOn daysLeft } } }`).join(' ')} }`;
    expect((await api.gql(paged, { n: 5 }, { token: customer.token })).body.errors).toBeUndefined();
    await expectRefused(paged, 'QUERY_TOO_COMPLEX', /would cost/, undefined, { n: 100 });
    expect((await api.gql(paged, { n: 5 }, { token: customer.token })).body.errors).toBeUndefined();
  });

  it('counts what @include and @skip leave in by the variables of each request, and the same cost for other variables', async () => {
    const pages = (directive: string) => Array.from({ length: 20 }, (_, i) => `s${i}: services(first: 100) ${directive} { edges { node { id domain status expiresOn daysLeft } } }`).join(' ');
    const included = `query($all: Boolean!) { ${pages('@include(if: $all)')} }`;
    expect((await api.gql(included, { all: false }, { token: customer.token })).body.errors).toBeUndefined();
    await expectRefused(included, 'QUERY_TOO_COMPLEX', /would cost/, undefined, { all: true });
    const skipped = `query($none: Boolean!) { ${pages('@skip(if: $none)')} }`;
    await expectRefused(skipped, 'QUERY_TOO_COMPLEX', /would cost/, undefined, { none: false });
    expect((await api.gql(skipped, { none: true }, { token: customer.token })).body.errors).toBeUndefined();
    const unrelated = `query($id: ID!) { service(id: $id) { id } ${pages('')} }`;
    await expectRefused(unrelated, 'QUERY_TOO_COMPLEX', /would cost/, undefined, { id: 'a' });
    await expectRefused(unrelated, 'QUERY_TOO_COMPLEX', /would cost/, undefined, { id: 'b' });
  });

  it('refuses batched requests', async () => {
    const response = await post([{ query: '{ catalog { products { code } } }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/batch/i);
  });

  it('lets the standard GraphiQL introspection query through for the back office', async () => {
    const { body } = await api.gql(getIntrospectionQuery(), {}, { token: admin.token });
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('in production', () => {
  const env = process.env as Record<string, string | undefined>;
  const environment = env.NODE_ENV;
  beforeAll(() => { env.NODE_ENV = 'production'; });
  afterAll(() => { env.NODE_ENV = environment; });

  it('answers introspection to the back office only', async () => {
    for (const caller of [{}, { token: customer.token }]) {
      await expectRefused(getIntrospectionQuery(), 'GRAPHQL_VALIDATION_FAILED', /back office only/, caller as { token: string });
      await expectRefused('{ __type(name: "Service") { name } }', 'GRAPHQL_VALIDATION_FAILED', /back office only/, caller as { token: string });
    }
    expect((await api.gql('{ __type(name: "Service") { name } }', {}, { token: admin.token })).body.data.__type.name).toBe('Service');
    expect((await api.gql('{ catalog { __typename } }')).body.data.catalog.__typename).toBe('Catalog');
  });

  it('suggests field names to the back office only', async () => {
    const typo = '{ catalog { prodcts { code } } }';
    const { body: hidden } = await api.gql(typo, {}, { token: customer.token });
    expect(hidden.errors?.[0].message).toBe('Cannot query field "prodcts" on type "Catalog".');
    const { body: shown } = await api.gql(typo, {}, { token: admin.token });
    expect(shown.errors?.[0].message).toBe('Cannot query field "prodcts" on type "Catalog". Did you mean "products"?');
  });
});

describe('requests signed in with the portal session', () => {
  it('are refused when they come from another site, and served from the portal itself or without a browser', async () => {
    const query = { query: '{ viewer { user { id } } }' };
    const foreign = await post(query, { cookie: customer.cookie, origin: 'https://attacker.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const own = await post(query, { cookie: customer.cookie, origin: new URL(api.url()).origin });
    expect((await own.json()).data.viewer.user.id).toBe(customer.user.id);
    expect((await post(query, { cookie: customer.cookie })).status).toBe(200);
    // a Bearer token is no ambient credential: any origin may use it
    expect((await post(query, { authorization: `Bearer ${customer.token}`, origin: 'https://scripts.example' })).status).toBe(200);
  });
});
