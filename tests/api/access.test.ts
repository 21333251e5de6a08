import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();

const SERVICES_FIELD = 'services { totalCount edges { node { domain product { code } account { id } } } }';
const SERVICES = `{ ${SERVICES_FIELD} }`;
let db: DataSource;
let alice: AccountLogin;
let bob: AccountLogin;
let admin: Login;

beforeAll(async () => {
  db = await database.db();
  alice = await newAccount(db, { name: 'Alice' });
  bob = await newAccount(db, { name: 'Bob' });
  admin = await newAdmin(db);
  await newService(db, alice.account, { productCode: 'BUSINESS', domain: 'alice.it' });
  await newService(db, alice.account, { productCode: 'PEC-STD', domain: 'alice.it' });
  await newService(db, bob.account, { productCode: 'HVPARK', domain: 'bob.it' });
});

describe('authentication', () => {
  it('refuses services and the viewer to an anonymous caller', async () => {
    for (const query of [SERVICES, '{ viewer { user { id } } }', '{ expirySchedule { totalCount } }']) {
      const { body } = await api.gql(query);
      expect(body.data).toBeNull();
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('shows an API token only its own account', async () => {
    const { body } = await api.gql(SERVICES, {}, { token: alice.token });
    expect(body.data.services.totalCount).toBe(2);
    expect(body.data.services.edges.map((e: any) => [e.node.domain, e.node.product.code, e.node.account.id]).sort()).toEqual([
      ['alice.it', 'BUSINESS', alice.account.id], ['alice.it', 'PEC-STD', alice.account.id],
    ]);
  });

  it('shows a portal session only its own account', async () => {
    const { body } = await api.gql(`{ viewer { user { email role } account { id name kind } } ${SERVICES_FIELD} }`, {}, { cookie: bob.cookie });
    expect(body.data.viewer).toEqual({ user: { email: bob.user.email, role: 'USER' }, account: { id: bob.account.id, name: 'Bob', kind: 'CUSTOMER' } });
    expect(body.data.services.edges.map((e: any) => e.node.domain)).toEqual(['bob.it']);
  });

  it('answers 401 to an unknown or malformed token, whatever the query', async () => {
    for (const authorization of ['Bearer pcl_not-a-real-token', 'Basic abc', 'Bearer']) {
      const response = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: '{ catalog { products { code } } }' }) });
      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ignores a session cookie that was not signed with our secret', async () => {
    const { body } = await api.gql('{ viewer { user { id } } }', {}, { cookie: 'next-auth.session-token=forged' });
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops accepting a token as soon as it is revoked', async () => {
    const created = await api.gql('mutation { createApiToken(input: { name: "script" }) { secret apiToken { id name displayPrefix } userErrors { code } } }', {}, { cookie: alice.cookie });
    const { secret, apiToken } = created.body.data.createApiToken;
    expect(secret).toMatch(/^pcl_[A-Za-z0-9_-]{43}$/);
    expect(apiToken.displayPrefix).toBe(secret.slice(0, 12));
    expect((await api.gql('{ viewer { user { email } } }', {}, { token: secret })).body.data.viewer.user.email).toBe(alice.user.email);

    const revoked = await api.gql('mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { revokedAt } userErrors { code } } }', { id: apiToken.id }, { cookie: alice.cookie });
    expect(revoked.body.data.revokeApiToken.userErrors).toEqual([]);
    expect(revoked.body.data.revokeApiToken.apiToken.revokedAt).toEqual(expect.any(String));
    expect((await api.gql('{ viewer { user { email } } }', {}, { token: secret })).status).toBe(401);
  });

  it('lists tokens with their prefix and last use, and keeps only a hash of the secret', async () => {
    const created = await api.gql('mutation { createApiToken(input: { name: "last use" }) { secret apiToken { id lastUsedAt } } }', {}, { cookie: alice.cookie });
    const { secret, apiToken } = created.body.data.createApiToken;
    expect(apiToken.lastUsedAt).toBeNull();
    await api.gql('{ viewer { user { id } } }', {}, { token: secret });
    const [newest] = (await api.gql('{ apiTokens { id name displayPrefix lastUsedAt revokedAt } }', {}, { cookie: alice.cookie })).body.data.apiTokens;
    expect(newest).toEqual({ id: apiToken.id, name: 'last use', displayPrefix: secret.slice(0, 12), lastUsedAt: expect.any(String), revokedAt: null });
    const stored = await db.query('SELECT * FROM api_tokens WHERE id = $1', [apiToken.id]);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));
    expect(stored[0].secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
  });

  it("reports another user's token exactly like a missing one", async () => {
    const [bobsToken] = (await api.gql('{ apiTokens { id } }', {}, { token: bob.token })).body.data.apiTokens;
    const mutation = 'mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id } userErrors { field code message } } }';
    const others = await api.gql(mutation, { id: bobsToken.id }, { token: alice.token });
    const missing = await api.gql(mutation, { id: '00000000-0000-4000-8000-000000000000' }, { token: alice.token });
    const garbage = await api.gql(mutation, { id: 'not-an-id' }, { token: alice.token });
    expect(others.body.data.revokeApiToken).toEqual({ apiToken: null, userErrors: [{ field: 'id', code: 'NOT_FOUND', message: 'no such API token' }] });
    expect(missing.body.data.revokeApiToken).toEqual(others.body.data.revokeApiToken);
    expect(garbage.body.data.revokeApiToken).toEqual(others.body.data.revokeApiToken);
    expect((await api.gql('{ viewer { user { id } } }', {}, { token: bob.token })).status).toBe(200);
  });

  it('returns a userError naming the field for a blank token name', async () => {
    const { body } = await api.gql('mutation { createApiToken(input: { name: "  " }) { secret userErrors { field code } } }', {}, { token: alice.token });
    expect(body.data.createApiToken).toEqual({ secret: null, userErrors: [{ field: 'name', code: 'INVALID' }] });
  });

  it('lets the back office see every account, or one named account', async () => {
    const all = await api.gql(SERVICES, {}, { token: admin.token });
    expect(all.body.data.services.totalCount).toBe(3);
    const bobs = await api.gql('query($id: ID!) { services(filter: { clientId: $id }) { totalCount } }', { id: bob.account.id }, { token: admin.token });
    expect(bobs.body.data.services.totalCount).toBe(1);
    const viewer = await api.gql('{ viewer { user { role } account { id } } }', {}, { token: admin.token });
    expect(viewer.body.data.viewer).toEqual({ user: { role: 'ADMIN' }, account: null });
  });

  it("does not let a customer list another account's services by naming it", async () => {
    const { body } = await api.gql('query($id: ID!) { services(filter: { clientId: $id }) { totalCount edges { node { id } } } }', { id: bob.account.id }, { token: alice.token });
    expect(body.data.services).toEqual({ totalCount: 0, edges: [] });
  });
});
