import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const REQUEST = 'mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok userErrors { code } } }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) { ok userErrors { field code } } }';

async function linkFor(accountId: string): Promise<string> {
  const [mail] = await db.getRepository(Notification).find({ where: { accountId, template: 'PASSWORD_RESET' }, order: { createdAt: 'DESC' } });
  return new URL(mail.bodyText.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { locale: 'en' });
});

describe('password reset by email', () => {
  it('emails a one-time link that sets a new password; the old one stops working', async () => {
    expect((await api.gql(REQUEST, { email: customer.user.email.toUpperCase() })).body.data.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
    const token = await linkFor(customer.account.id);
    expect((await api.gql(RESET, { token, password: 'short' })).body.data.resetPassword).toEqual({ ok: false, userErrors: [{ field: 'password', code: 'INVALID' }] });
    expect((await api.gql(RESET, { token, password: 'a brand new password' })).body.data.resetPassword).toEqual({ ok: true, userErrors: [] });
    expect(await authenticateWithPassword(db, customer.user.email, 'a brand new password')).toBe(customer.user.id);
    expect(await authenticateWithPassword(db, customer.user.email, 'correct horse battery')).toBeNull();
    expect((await api.gql(RESET, { token, password: 'yet another password' })).body.data.resetPassword.userErrors).toEqual([{ field: 'token', code: 'INVALID_TOKEN' }]);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = await db.getRepository(Notification).countBy({ template: 'PASSWORD_RESET' });
    expect((await api.gql(REQUEST, { email: 'nobody@example.test' })).body.data.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
    expect(await db.getRepository(Notification).countBy({ template: 'PASSWORD_RESET' })).toBe(before);
  });

  it('refuses an expired link', async () => {
    const other = await newAccount(db);
    await api.gql(REQUEST, { email: other.user.email });
    await db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [other.user.id]);
    const { body } = await api.gql(RESET, { token: await linkFor(other.account.id), password: 'a brand new password' });
    expect(body.data.resetPassword.userErrors).toEqual([{ field: 'token', code: 'INVALID_TOKEN' }]);
  });
});
