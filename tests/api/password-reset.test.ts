import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import { createMailer } from '@/lib/mailer';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { deliverOutbox } from '@/operations/notifications/deliver-outbox';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';
import { LocalSmtp } from '../support/smtp';

const database = useTestDatabase();
const api = useGraphQLServer();
const smtp = new LocalSmtp();
let db: DataSource;
let customer: AccountLogin;

const REQUEST = 'mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok userErrors { code } } }';
const RESET = 'mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) { ok userErrors { field code } } }';

/** The token of the last link emailed to the address, as its mailbox receives it (no stored copy has it). */
async function linkFor(email: string): Promise<string> {
  const mailer = createMailer(smtp.url());
  await deliverOutbox(db, mailer);
  mailer.close();
  const mail = smtp.received.filter((received) => received.to === email).at(-1)!;
  return new URL(mail.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { locale: 'en' });
  await smtp.start();
});

afterAll(() => smtp.stop());

describe('password reset by email', () => {
  it('emails a one-time link that sets a new password; the old one stops working', async () => {
    expect((await api.gql(REQUEST, { email: customer.user.email.toUpperCase() })).body.data.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
    const token = await linkFor(customer.user.email);
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
    const { body } = await api.gql(RESET, { token: await linkFor(other.user.email), password: 'a brand new password' });
    expect(body.data.resetPassword.userErrors).toEqual([{ field: 'token', code: 'INVALID_TOKEN' }]);
  });
});
