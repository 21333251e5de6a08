import type { DataSource } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { renewService } from '@/operations/billing/renew-service';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAccountLogin, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

// Product rules, "Accounts and access": personal data, downloaded by the login, erased by the back office on request.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let owner: AccountLogin;
let admin: Login;
let orderCode: string;
let number: string;

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  owner = await newAccount(db, { name: 'Anna Bianchi' });
  admin = await newAdmin(db);
  const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
  const { order } = await renewService(db, owner.actor, service.id, 'BANK_TRANSFER');
  const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: 'CRO 1' });
  orderCode = order.code;
  number = invoiceNumber(invoice!.year, invoice!.number);
});

describe('the data export', () => {
  it("downloads as JSON the login's profile, sessions, orders, invoices and the emails and audit events about it, never a secret", async () => {
    const response = await api.raw({ path: '/api/me/export', method: 'GET', headers: { cookie: owner.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="dati-personali.json"');
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: owner.user.id, email: owner.user.email, accountRole: 'OWNER', twoFactorEnabled: false });
    expect(data.account).toMatchObject({ id: owner.account.id, name: 'Anna Bianchi' });
    expect(data.orders.map((o: any) => o.code)).toEqual([orderCode]);
    expect(data.invoices.map((i: any) => invoiceNumber(i.year, i.number))).toEqual([number]);
    expect(data.services).toHaveLength(1);
    expect(data.sessions).toHaveLength(1);
    expect(data.notifications.map((n: any) => n.template)).toContain('ORDER_PAID');
    expect(data.auditEvents.map((e: any) => e.action)).toContain('api_token.created');
    expect(text).not.toMatch(/password|secret_hash|secretHash|totp/i);
    expect((await api.gql('{ exportMyData }', {}, { token: owner.token })).body.data.exportMyData.orders[0].code).toBe(orderCode);
    expect((await api.raw({ path: '/api/me/export', method: 'GET' })).status).toBe(401);
  });

  it('leaves out the invoices for a role that may not see them', async () => {
    const technical = await newAccountLogin(db, owner.account, 'TECHNICAL');
    const { exportMyData } = (await api.gql('{ exportMyData }', {}, { token: technical.token })).body.data;
    expect(exportMyData.invoices).toEqual([]);
    expect(exportMyData.orders.map((o: any) => o.code)).toEqual([orderCode]);
  });
});

describe('erasing a person', () => {
  const ERASE = 'mutation($id: ID!) { eraseUserData(input: { userId: $id }) { erasedUserId userErrors { code } } }';

  it('replaces the name and email, ends the sessions and tokens, makes sign-in impossible, keeps the invoices and the trail', async () => {
    const login = await newAccountLogin(db, owner.account, 'BILLING');
    await db.query(`UPDATE users SET name = 'Paolo Verdi' WHERE id = $1`, [login.user.id]);
    expect((await api.gql(ERASE, { id: login.user.id }, { token: owner.token })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(ERASE, { id: login.user.id }, { token: admin.token })).body.data.eraseUserData).toEqual({ erasedUserId: login.user.id, userErrors: [] });
    const [user] = await db.query(`SELECT email, name FROM users WHERE id = $1`, [login.user.id]);
    expect(user).toEqual({ email: `erased-${login.user.id}@erased.invalid`, name: '' });
    expect(await authenticateWithPassword(db, login.user.email, 'correct horse battery')).toBeNull();
    expect(await authenticateWithPassword(db, user.email, 'correct horse battery')).toBeNull();
    expect((await api.gql('{ viewer { user { id } } }', {}, { cookie: login.cookie })).status).toBe(401);
    expect((await api.gql('{ viewer { user { id } } }', {}, { token: login.token })).status).toBe(401);
    expect(await db.query(`SELECT count(*)::int AS n FROM invoices WHERE account_id = $1`, [owner.account.id])).toEqual([{ n: 1 }]);
    expect(await db.query(`SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'user.erased'`, [login.user.id])).toHaveLength(1);
    expect((await api.gql(ERASE, { id: admin.user.id }, { token: admin.token })).body.data.eraseUserData.userErrors).toEqual([{ code: 'NOT_AVAILABLE' }]);
  });
});
