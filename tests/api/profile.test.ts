import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { mailboxToken } from '../support/mailbox-link';
import { newAccount, type AccountLogin } from '../support/fixtures';
import { FIREFOX_WINDOWS, SAFARI_IPHONE, signInAs } from '../support/sign-in';

// Product rules, "Accounts and access": the profile; changing the password (current one required) ends the other sessions.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const PASSWORD = 'correct horse battery';
const USER_ERRORS = 'userErrors { field code }';
const mailsTo = (toEmail: string) => db.getRepository(Notification).find({ where: { toEmail }, order: { createdAt: 'ASC' } });
const viewer = (cookie: string) => api.gql('{ viewer { user { email name locale } } }', {}, { cookie });

beforeAll(async () => {
  db = await database.db();
});

describe('the profile', () => {
  it("keeps the login's name and language; the language is the API's and the emails'", async () => {
    const login = await newAccount(db, { locale: 'it' });
    expect((await viewer(login.cookie)).body.data.viewer.user).toEqual({ email: login.user.email, name: '', locale: null });
    const UPDATE = `mutation($name: String!, $locale: String) { updateProfile(input: { name: $name, locale: $locale }) { user { name locale } ${USER_ERRORS} } }`;
    expect((await api.gql(UPDATE, { name: ' Anna Bianchi ', locale: 'en' }, { cookie: login.cookie })).body.data.updateProfile).toEqual({ user: { name: 'Anna Bianchi', locale: 'en' }, userErrors: [] });
    expect((await viewer(login.cookie)).body.data.viewer.user).toEqual({ email: login.user.email, name: 'Anna Bianchi', locale: 'en' });
    expect((await api.gql(UPDATE, { name: 'x', locale: 'fr' }, { cookie: login.cookie })).body.data.updateProfile).toEqual({ user: null, userErrors: [{ field: 'locale', code: 'INVALID' }] });
    await api.gql(`mutation { changePassword(input: { currentPassword: "${PASSWORD}", newPassword: "${PASSWORD}" }) { ok } }`, {}, { cookie: login.cookie });
    expect((await mailsTo(login.user.email)).at(-1)).toMatchObject({ template: 'PASSWORD_CHANGED', locale: 'en', subject: 'Your Pannello Clienti password was changed' });
  });
});

describe('changing the password', () => {
  const CHANGE = `mutation($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { ok ${USER_ERRORS} } }`;

  it('needs the current password, then ends every other session and keeps this one', async () => {
    const login = await newAccount(db);
    const laptop = (await signInAs(login.user.email, PASSWORD, FIREFOX_WINDOWS, '198.51.100.1'))!;
    expect((await api.gql(CHANGE, { current: 'not it', next: 'una nuova password' }, { cookie: laptop.cookie })).body.data.changePassword)
      .toEqual({ ok: false, userErrors: [{ field: 'currentPassword', code: 'WRONG_PASSWORD' }] });
    expect((await api.gql(CHANGE, { current: PASSWORD, next: 'corta' }, { cookie: laptop.cookie })).body.data.changePassword.userErrors).toEqual([{ field: 'newPassword', code: 'INVALID' }]);
    expect(await authenticateWithPassword(db, login.user.email, PASSWORD)).toBe(login.user.id);

    expect((await api.gql(CHANGE, { current: PASSWORD, next: 'una nuova password' }, { cookie: laptop.cookie })).body.data.changePassword).toEqual({ ok: true, userErrors: [] });
    expect((await viewer(login.cookie)).status).toBe(401);
    expect((await viewer(laptop.cookie)).status).toBe(200);
    expect(await authenticateWithPassword(db, login.user.email, PASSWORD)).toBeNull();
    expect(await authenticateWithPassword(db, login.user.email, 'una nuova password')).toBe(login.user.id);
    const mails = await mailsTo(login.user.email);
    expect(mails.filter((m) => m.template === 'PASSWORD_CHANGED')).toHaveLength(1);
    expect(mails.at(-1)).toMatchObject({ template: 'PASSWORD_CHANGED', subject: 'La password del Pannello Clienti è cambiata' });
  });
});

describe('changing the email', () => {
  const REQUEST = `mutation($email: String!, $password: String!) { requestEmailChange(input: { newEmail: $email, currentPassword: $password }) { ok ${USER_ERRORS} } }`;
  const CONFIRM = `mutation($token: String!) { confirmEmailChange(input: { token: $token }) { ok ${USER_ERRORS} } }`;

  it('sends a link to the new address; the email changes once it is opened, and only once', async () => {
    const login = await newAccount(db);
    const other = await newAccount(db);
    expect((await api.gql(REQUEST, { email: 'nuovo@example.test', password: 'not it' }, { cookie: login.cookie })).body.data.requestEmailChange.userErrors).toEqual([{ field: 'currentPassword', code: 'WRONG_PASSWORD' }]);
    expect((await api.gql(REQUEST, { email: other.user.email.toUpperCase(), password: PASSWORD }, { cookie: login.cookie })).body.data.requestEmailChange.userErrors).toEqual([{ field: 'newEmail', code: 'EMAIL_TAKEN' }]);
    expect((await api.gql(REQUEST, { email: 'non è un indirizzo', password: PASSWORD }, { cookie: login.cookie })).body.data.requestEmailChange.userErrors).toEqual([{ field: 'newEmail', code: 'INVALID' }]);

    const newEmail = `nuovo-${login.user.id.slice(0, 8)}@example.test`;
    expect((await api.gql(REQUEST, { email: newEmail, password: PASSWORD }, { cookie: login.cookie })).body.data.requestEmailChange).toEqual({ ok: true, userErrors: [] });
    const [link] = await mailsTo(newEmail);
    expect(link).toMatchObject({ template: 'EMAIL_CHANGE', accountId: login.account.id });
    const token = await mailboxToken(db, newEmail, 'EMAIL_CHANGE');
    // Only the mailbox gets the link: the stored copy withholds it.
    expect(link.bodyText).not.toContain(token);
    expect((await viewer(login.cookie)).body.data.viewer.user.email).toBe(login.user.email);

    expect((await api.gql(CONFIRM, { token })).body.data.confirmEmailChange).toEqual({ ok: true, userErrors: [] });
    expect((await viewer(login.cookie)).body.data.viewer.user.email).toBe(newEmail);
    expect(await authenticateWithPassword(db, newEmail, PASSWORD)).toBe(login.user.id);
    expect((await mailsTo(login.user.email)).at(-1)).toMatchObject({ template: 'EMAIL_CHANGED', bodyText: expect.stringContaining(newEmail) });
    expect((await api.gql(CONFIRM, { token })).body.data.confirmEmailChange).toEqual({ ok: false, userErrors: [{ field: 'token', code: 'INVALID_TOKEN' }] });
  });

  it('refuses a link past 24 hours, or to an address another login took meanwhile', async () => {
    const login = await newAccount(db);
    const late = `tardi-${login.user.id.slice(0, 8)}@example.test`;
    await api.gql(REQUEST, { email: late, password: PASSWORD }, { cookie: login.cookie });
    await db.query(`UPDATE email_changes SET expires_at = now() - interval '1 second' WHERE new_email = $1`, [late]);
    expect((await api.gql(CONFIRM, { token: await mailboxToken(db, late, 'EMAIL_CHANGE') })).body.data.confirmEmailChange.userErrors).toEqual([{ field: 'token', code: 'INVALID_TOKEN' }]);

    const taken = `preso-${login.user.id.slice(0, 8)}@example.test`;
    await api.gql(REQUEST, { email: taken, password: PASSWORD }, { cookie: login.cookie });
    await newAccount(db, { email: taken });
    expect((await api.gql(CONFIRM, { token: await mailboxToken(db, taken, 'EMAIL_CHANGE') })).body.data.confirmEmailChange.userErrors).toEqual([{ field: 'token', code: 'EMAIL_TAKEN' }]);
  });
});

describe('a sign-in from a new device', () => {
  it('is told by email, in the login\'s language; a device signed in before is not', async () => {
    const login = await newAccount(db, { locale: 'en' });
    await signInAs(login.user.email, PASSWORD, SAFARI_IPHONE, '198.51.100.9');
    const [mail] = (await mailsTo(login.user.email)).filter((m) => m.template === 'NEW_SIGN_IN');
    expect(mail).toMatchObject({ subject: 'New sign-in to the Pannello Clienti', bodyText: expect.stringContaining('Safari, iOS, address 198.51.100.9') });
    await signInAs(login.user.email, PASSWORD, SAFARI_IPHONE, '198.51.100.10');
    expect((await mailsTo(login.user.email)).filter((m) => m.template === 'NEW_SIGN_IN')).toHaveLength(1);
  });

  it('is not told on the very first sign-in', async () => {
    const login = await newAccount(db);
    await db.query(`DELETE FROM user_sessions WHERE user_id = $1`, [login.user.id]);
    await signInAs(login.user.email, PASSWORD, FIREFOX_WINDOWS, '198.51.100.11');
    expect((await mailsTo(login.user.email)).filter((m) => m.template === 'NEW_SIGN_IN')).toEqual([]);
  });
});
