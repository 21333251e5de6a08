import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import { renewService } from '@/operations/billing/renew-service';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { mailboxToken } from '../support/mailbox-link';
import { newAccount, newAccountLogin, newService, type AccountLogin } from '../support/fixtures';
import { FIREFOX_WINDOWS, signInAs } from '../support/sign-in';

// Product rules, "Accounts and access": several logins per account, each with a role; the owner invites and removes them.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const USER_ERRORS = 'userErrors { field code }';
const INVITE = `mutation($email: String!, $role: AccountRole!) { inviteUser(input: { email: $email, role: $role }) { invitation { email role expiresAt } ${USER_ERRORS} } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(input: { token: $token, password: "una password lunga", name: "Paolo Verdi" }) { ok ${USER_ERRORS} } }`;
const ROLE = `mutation($id: ID!, $role: AccountRole!) { updateUserRole(input: { userId: $id, role: $role }) { user { accountRole } ${USER_ERRORS} } }`;
const REMOVE = `mutation($id: ID!) { removeUser(input: { userId: $id }) { removedUserId ${USER_ERRORS} } }`;
const tokenOf = (email: string) => mailboxToken(db, email, 'INVITATION');

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
});

describe('invitations', () => {
  it('send a link valid 7 days that makes a login with the role once', async () => {
    const owner = await newAccount(db, { name: 'Studio Verdi' });
    const email = `paolo-${owner.user.id.slice(0, 8)}@example.test`;
    const { body } = await api.gql(INVITE, { email, role: 'BILLING' }, { cookie: owner.cookie });
    expect(body.data.inviteUser).toMatchObject({ invitation: { email, role: 'BILLING' }, userErrors: [] });
    expect(new Date(body.data.inviteUser.invitation.expiresAt).getTime() - Date.now()).toBeGreaterThan(7 * 86_400_000 - 60_000);
    const [mail] = await db.getRepository(Notification).findBy({ toEmail: email, template: 'INVITATION' });
    expect(mail).toMatchObject({ accountId: owner.account.id, subject: 'Invito al Pannello Clienti di Studio Verdi' });
    expect((await api.gql(INVITE, { email: owner.user.email, role: 'BILLING' }, { cookie: owner.cookie })).body.data.inviteUser.userErrors).toEqual([{ field: 'email', code: 'EMAIL_TAKEN' }]);

    const token = await tokenOf(email);
    expect((await api.gql(ACCEPT, { token })).body.data.acceptInvitation).toEqual({ ok: true, userErrors: [] });
    expect((await api.gql(ACCEPT, { token })).body.data.acceptInvitation).toEqual({ ok: false, userErrors: [{ field: 'token', code: 'INVALID_TOKEN' }] });
    const paolo = (await signInAs(email, 'una password lunga', FIREFOX_WINDOWS, '198.51.100.1'))!;
    expect((await api.gql('{ viewer { user { name accountRole } account { id } } }', {}, { cookie: paolo.cookie })).body.data.viewer).toEqual({ user: { name: 'Paolo Verdi', accountRole: 'BILLING' }, account: { id: owner.account.id } });
    const users = (await api.gql('{ users { email accountRole } }', {}, { cookie: owner.cookie })).body.data.users;
    expect(users).toEqual([{ email: owner.user.email, accountRole: 'OWNER' }, { email, accountRole: 'BILLING' }]);
  });

  it('refuses a link past 7 days', async () => {
    const owner = await newAccount(db);
    const email = `tardi-${owner.user.id.slice(0, 8)}@example.test`;
    await api.gql(INVITE, { email, role: 'READ_ONLY' }, { cookie: owner.cookie });
    await db.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1`, [email]);
    expect((await api.gql(ACCEPT, { token: await tokenOf(email) })).body.data.acceptInvitation.userErrors).toEqual([{ field: 'token', code: 'INVALID_TOKEN' }]);
  });
});

describe('roles', () => {
  let owner: AccountLogin;
  const as = (login: AccountLogin, query: string, variables: Record<string, unknown> = {}) => api.gql(query, variables, { token: login.token });
  const refusal = (body: any) => body.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    owner = await newAccount(db);
  });

  it('a BILLING login pays but cannot cancel or change a service', async () => {
    const billing = await newAccountLogin(db, owner.account, 'BILLING');
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const { order } = await renewService(db, owner.actor, service.id, 'BANK_TRANSFER');
    const paid = await as(billing, `mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: POSTAL_SLIP }) { order { paymentMethod } ${USER_ERRORS} } }`, { code: order.code });
    expect(paid.body.data.payOrder).toEqual({ order: { paymentMethod: 'POSTAL_SLIP' }, userErrors: [] });
    expect(refusal((await as(billing, `mutation($id: ID!) { cancelService(input: { serviceId: $id, reason: TOO_EXPENSIVE }) { ${USER_ERRORS} } }`, { id: service.id })).body)).toBe('FORBIDDEN');
    expect(refusal((await as(billing, `mutation($id: ID!) { requestServiceChange(input: { serviceId: $id, targetProductCode: "BUSINESS" }) { ${USER_ERRORS} } }`, { id: service.id })).body)).toBe('FORBIDDEN');
    expect((await as(billing, '{ invoices(first: 5) { totalCount } }')).body.errors).toBeUndefined();
  });

  it('a READ_ONLY login reads but changes nothing', async () => {
    const readOnly = await newAccountLogin(db, owner.account, 'READ_ONLY');
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15' });
    expect((await as(readOnly, '{ services { totalCount } }')).body.errors).toBeUndefined();
    expect((await as(readOnly, '{ invoices(first: 5) { totalCount } }')).body.errors).toBeUndefined();
    const renew = await as(readOnly, `mutation($id: ID!) { renewService(input: { serviceId: $id, paymentMethod: BANK_TRANSFER }) { ${USER_ERRORS} } }`, { id: service.id });
    expect(renew.status).toBe(403);
    expect(renew.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('a TECHNICAL login renews without paying and cannot see invoices', async () => {
    const technical = await newAccountLogin(db, owner.account, 'TECHNICAL');
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const renewed = await as(technical, `mutation($id: ID!) { renewService(input: { serviceId: $id, paymentMethod: BANK_TRANSFER }) { order { code } ${USER_ERRORS} } }`, { id: service.id });
    expect(renewed.body.data.renewService.userErrors).toEqual([]);
    expect(refusal((await as(technical, `mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: POSTAL_SLIP }) { ${USER_ERRORS} } }`, { code: renewed.body.data.renewService.order.code })).body)).toBe('FORBIDDEN');
    expect(refusal((await as(technical, '{ invoices(first: 5) { totalCount } }')).body)).toBe('FORBIDDEN');
    expect(refusal((await as(technical, '{ ok: viewer { user { id } } invoiceYears }')).body)).toBe('FORBIDDEN');
  });
});

describe('the owners', () => {
  it('change roles and remove logins, never the last owner', async () => {
    const owner = await newAccount(db);
    const other = await newAccountLogin(db, owner.account, 'TECHNICAL');
    expect((await api.gql(ROLE, { id: owner.user.id, role: 'BILLING' }, { token: owner.token })).body.data.updateUserRole).toEqual({ user: null, userErrors: [{ field: 'userId', code: 'LAST_OWNER' }] });
    expect((await api.gql(REMOVE, { id: owner.user.id }, { token: owner.token })).body.data.removeUser.userErrors).toEqual([{ field: 'userId', code: 'LAST_OWNER' }]);
    expect((await api.gql(ROLE, { id: other.user.id, role: 'OWNER' }, { token: owner.token })).body.data.updateUserRole).toEqual({ user: { accountRole: 'OWNER' }, userErrors: [] });
    expect((await api.gql(REMOVE, { id: owner.user.id }, { token: other.token })).body.data.removeUser).toEqual({ removedUserId: owner.user.id, userErrors: [] });
    expect((await api.gql('{ viewer { user { id } } }', {}, { token: owner.token })).status).toBe(401);
    expect((await api.gql('{ viewer { user { id } } }', {}, { cookie: owner.cookie })).status).toBe(401);
    expect((await api.gql(ROLE, { id: other.user.id, role: 'READ_ONLY' }, { token: other.token })).body.data.updateUserRole.userErrors).toEqual([{ field: 'userId', code: 'LAST_OWNER' }]);
  });
});
