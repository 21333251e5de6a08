import type { DataSource } from 'typeorm';
import { createApiToken } from '@/operations/access/api-tokens';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin } from '../support/fixtures';
import { mailboxToken } from '../support/mailbox-link';
import { FIREFOX_WINDOWS, signInAs } from '../support/sign-in';

// Product rules, "Integrations for resellers": resellers create their clients (account, billing data, an invitation).
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let reseller: AccountLogin;

const CREATE = `mutation($name: String!, $email: String!, $billing: BillingDetailsInput!) {
  createClient(input: { name: $name, email: $email, billing: $billing }) { client { id name kind email reseller { id } billing { fiscalCode } } userErrors { field code } } }`;
const ACCEPT = 'mutation($token: String!) { acceptInvitation(input: { token: $token, password: "una password lunga", name: "Anna Neri" }) { ok userErrors { field code } } }';
const BILLING = { kind: 'PERSON', firstName: 'Anna', lastName: 'Neri', country: 'IT', address: 'Via Roma 2', postalCode: '00184', city: 'Roma', province: 'RM', fiscalCode: 'rssmra80a01h501u' };
const counts = async () => (await db.query(`SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM users)::int AS users,
  (SELECT count(*) FROM invitations)::int AS invitations, (SELECT count(*) FROM notifications)::int AS notifications, (SELECT count(*) FROM audit_events)::int AS audit`))[0];

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Rivenditore Uno' });
});

describe('createClient', () => {
  it("makes the reseller's client, whose owner is invited by email, accepts, and signs in", async () => {
    const email = 'anna.neri@example.test';
    const { status, body } = await api.gql(CREATE, { name: 'Anna Neri', email: 'Anna.Neri@Example.test', billing: BILLING }, { token: reseller.token });
    expect(status).toBe(200);
    expect(body.data.createClient).toEqual({
      client: { id: expect.any(String), name: 'Anna Neri', kind: 'CUSTOMER', email, reseller: { id: reseller.account.id }, billing: { fiscalCode: 'RSSMRA80A01H501U' } },
      userErrors: [],
    });
    const clientId = body.data.createClient.client.id;
    const listed = await api.gql('{ clients { edges { node { id name } } } }', {}, { token: reseller.token });
    expect(listed.body.data.clients.edges).toEqual([{ node: { id: clientId, name: 'Anna Neri' } }]);
    const [audit] = await db.query(`SELECT actor_label AS actor, after FROM audit_events WHERE action = 'account.created' AND entity_id = $1`, [clientId]);
    expect(audit).toMatchObject({ actor: reseller.user.email, after: { resellerId: reseller.account.id, email } });

    // No password until the owner chooses one through the invitation.
    expect(await signInAs(email, '!', FIREFOX_WINDOWS, '192.0.2.1')).toBeNull();
    const token = await mailboxToken(db, email, 'INVITATION');
    expect((await api.gql(ACCEPT, { token })).body.data.acceptInvitation).toEqual({ ok: true, userErrors: [] });
    const signedIn = await signInAs(email, 'una password lunga', FIREFOX_WINDOWS, '192.0.2.1');
    expect(signedIn).not.toBeNull();
    const viewer = await api.gql('{ viewer { user { email name accountRole } account { id name } } }', {}, { cookie: signedIn!.cookie });
    expect(viewer.body.data.viewer).toEqual({ user: { email, name: 'Anna Neri', accountRole: 'OWNER' }, account: { id: clientId, name: 'Anna Neri' } });
  });

  it('reports every wrong field as updateBillingDetails does, and a taken email, writing nothing', async () => {
    const before = await counts();
    const wrong = await api.gql(CREATE, { name: ' ', email: 'not an email', billing: { ...BILLING, fiscalCode: 'RSSMRA80A01H501X', postalCode: '1' } }, { token: reseller.token });
    expect(wrong.body.data.createClient.client).toBeNull();
    expect(wrong.body.data.createClient.userErrors.map((e: { field: string }) => e.field).sort()).toEqual(['billing.fiscalCode', 'billing.postalCode', 'email', 'name']);
    const taken = await api.gql(CREATE, { name: 'Doppio', email: reseller.user.email, billing: BILLING }, { token: reseller.token });
    expect(taken.body.data.createClient).toEqual({ client: null, userErrors: [{ field: 'email', code: 'EMAIL_TAKEN' }] });
    expect(await counts()).toEqual(before);
  });

  it('is refused to a customer, the back office, and a token without clients:write or limited to a client', async () => {
    const customer = await newAccount(db);
    const refused = async (token: string) => (await api.gql(CREATE, { name: 'X Y', email: `x-${Date.now()}@example.test`, billing: BILLING }, { token })).body.errors?.[0]?.extensions;
    expect(await refused(customer.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused((await newAdmin(db)).token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused((await createApiToken(db, reseller.actor, { name: 'read', scopes: ['clients:read'] })).token)).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'clients:write' });
    const [{ id: clientId }] = await db.query('SELECT id FROM accounts WHERE reseller_id = $1', [reseller.account.id]);
    expect(await refused((await createApiToken(db, reseller.actor, { name: 'one client', scopes: ['clients:write'], clientId })).token)).toMatchObject({ code: 'FORBIDDEN' });
    // The payload reads the client's billing data: that needs invoices:read as well.
    expect(await refused((await createApiToken(db, reseller.actor, { name: 'write', scopes: ['clients:write'] })).token)).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'invoices:read' });
    const writer = (await createApiToken(db, reseller.actor, { name: 'write', scopes: ['clients:write', 'invoices:read'] })).token;
    const made = await api.gql(CREATE, { name: 'Luca Bianchi', email: 'luca.bianchi@example.test', billing: BILLING }, { token: writer });
    expect(made.body.data.createClient.userErrors).toEqual([]);
  });
});
