import { generate } from 'otplib';
import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type Login } from '../support/fixtures';
import { FIREFOX_WINDOWS, signInAs } from '../support/sign-in';

// Product rules, "Accounts and access": two-factor login (TOTP, RFC 6238) with ten single-use recovery codes,
// optional for customers and resellers, required for the back office.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const PASSWORD = 'correct horse battery';
const USER_ERRORS = 'userErrors { field code }';
const BEGIN = `mutation { beginTwoFactorEnrolment { secret otpauthUri qrCode ${USER_ERRORS} } }`;
const CONFIRM = `mutation($code: String!) { confirmTwoFactorEnrolment(input: { code: $code }) { recoveryCodes ${USER_ERRORS} } }`;
const CREATE_TOKEN = `mutation { createApiToken(input: { name: "2fa" }) { secret ${USER_ERRORS} } }`;

/** The code the app shows `offsetSteps` steps of 30 s from now. */
const codeOf = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
const signIn = (login: Login, code?: string, address = '198.51.100.1') => signInAs(login.user.email, PASSWORD, FIREFOX_WINDOWS, address, code);

/** Enrols the login through the API with its session; the secret and the recovery codes. */
async function enrol(cookie: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = (await api.gql(BEGIN, {}, { cookie })).body.data.beginTwoFactorEnrolment;
  const { recoveryCodes } = (await api.gql(CONFIRM, { code: await codeOf(secret) }, { cookie })).body.data.confirmTwoFactorEnrolment;
  return { secret, recoveryCodes };
}

beforeAll(async () => {
  db = await database.db();
});

describe('enrolling', () => {
  it('gives a QR code of the secret, turns on with a code from the app, and shows ten recovery codes once, stored hashed', async () => {
    const login = await newAccount(db);
    const { body } = await api.gql(BEGIN, {}, { cookie: login.cookie });
    const { secret, otpauthUri, qrCode } = body.data.beginTwoFactorEnrolment;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(otpauthUri).toBe(`otpauth://totp/Pannello%20Clienti:${encodeURIComponent(login.user.email)}?secret=${secret}&issuer=Pannello%20Clienti`);
    expect(Buffer.from(qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);

    const wrong = String((Number(await codeOf(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await api.gql(CONFIRM, { code: wrong }, { cookie: login.cookie })).body.data.confirmTwoFactorEnrolment).toEqual({ recoveryCodes: null, userErrors: [{ field: 'code', code: 'WRONG_CODE' }] });
    const { recoveryCodes } = (await api.gql(CONFIRM, { code: await codeOf(secret) }, { cookie: login.cookie })).body.data.confirmTwoFactorEnrolment;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored: { code_hash: string }[] = await db.query(`SELECT code_hash FROM recovery_codes WHERE user_id = $1`, [login.user.id]);
    expect(stored).toHaveLength(10);
    for (const { code_hash: hash } of stored) {
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(recoveryCodes.some((code: string) => hash.includes(code) || hash.includes(code.replace('-', '')))).toBe(false);
    }
    expect((await api.gql('{ viewer { user { twoFactorEnabled twoFactorRequired } } }', {}, { cookie: login.cookie })).body.data.viewer.user).toEqual({ twoFactorEnabled: true, twoFactorRequired: false });
    expect((await api.gql(BEGIN, {}, { cookie: login.cookie })).body.data.beginTwoFactorEnrolment.userErrors).toEqual([{ field: null, code: 'ALREADY_ENABLED' }]);
    const [mail] = await db.getRepository(Notification).findBy({ toEmail: login.user.email, template: 'SECOND_FACTOR_ENABLED' });
    expect(mail.subject).toBe('Verifica in due passaggi attivata');
  });
});

describe('signing in with the second factor', () => {
  it('asks for the code after the password, accepts each code once, and a recovery code once', async () => {
    const login = await newAccount(db);
    const { secret, recoveryCodes } = await enrol(login.cookie);
    await expect(signIn(login)).rejects.toThrow('SECOND_FACTOR_REQUIRED');
    expect(await signInAs(login.user.email, 'wrong password', FIREFOX_WINDOWS, '198.51.100.1', await codeOf(secret, 1))).toBeNull();
    const next = await codeOf(secret, 1);
    const signedIn = (await signIn(login, next))!;
    expect((await api.gql('{ viewer { user { email } } }', {}, { cookie: signedIn.cookie })).status).toBe(200);
    await expect(signIn(login, next)).rejects.toThrow('WRONG_CODE');
    expect(await signIn(login, recoveryCodes[3].toUpperCase().replace('-', ' '))).not.toBeNull();
    await expect(signIn(login, recoveryCodes[3])).rejects.toThrow('WRONG_CODE');
    expect(await db.query(`SELECT count(*)::int AS used FROM recovery_codes WHERE user_id = $1 AND used_at IS NOT NULL`, [login.user.id])).toEqual([{ used: 1 }]);
  });

  it('counts a wrong code as a failed attempt: the sixth try is refused even with the right code', async () => {
    const login = await newAccount(db);
    const { secret } = await enrol(login.cookie);
    for (let i = 0; i < 5; i += 1) await expect(signIn(login, '000000', `198.51.100.${50 + i}`)).rejects.toThrow('WRONG_CODE');
    await expect(signIn(login, await codeOf(secret, 1), '198.51.100.60')).rejects.toThrow('TOO_MANY_ATTEMPTS');
    await db.query(`DELETE FROM login_attempts WHERE email = $1`, [login.user.email]);
  });

  it('lets only a session that passed it create an API token', async () => {
    const login = await newAccount(db);
    const { secret } = await enrol(login.cookie);
    const withoutSecondFactor = (await signIn(await newAccount(db)))!;
    expect((await api.gql(CREATE_TOKEN, {}, { cookie: withoutSecondFactor.cookie })).body.data.createApiToken.userErrors).toEqual([]);
    expect((await api.gql(CREATE_TOKEN, {}, { cookie: login.cookie })).body.data.createApiToken.userErrors).toEqual([]); // the session that enrolled
    // a session signed in before the login enabled it
    await db.query(`UPDATE user_sessions SET second_factor_at = NULL WHERE id = $1`, [login.sessionId]);
    const refused = await api.gql(CREATE_TOKEN, {}, { cookie: login.cookie });
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_REQUIRED' });
    const passed = (await signIn(login, await codeOf(secret, 1)))!;
    expect((await api.gql(CREATE_TOKEN, {}, { cookie: passed.cookie })).body.data.createApiToken.secret).toMatch(/\S{20,}/);
  });
});

describe('the back office', () => {
  it('can do nothing with a session but enrol until it has the second factor; its API tokens keep working', async () => {
    const admin = await newAdmin(db);
    const ACCOUNTS = '{ accounts(first: 1) { edges { node { id } } } }';
    const refused = await api.gql(ACCOUNTS, {}, { cookie: admin.cookie });
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
    expect((await api.gql(CREATE_TOKEN, {}, { cookie: admin.cookie })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql('{ viewer { user { twoFactorEnabled twoFactorRequired } } }', {}, { cookie: admin.cookie })).body.data.viewer.user).toEqual({ twoFactorEnabled: false, twoFactorRequired: true });
    expect((await api.gql(ACCOUNTS, {}, { token: admin.token })).body.errors).toBeUndefined();

    await enrol(admin.cookie);
    expect((await api.gql(ACCOUNTS, {}, { cookie: admin.cookie })).body.errors).toBeUndefined();
    const { body } = await api.gql(`mutation { disableTwoFactor(input: { currentPassword: "${PASSWORD}", code: "000000" }) { ok ${USER_ERRORS} } }`, {}, { cookie: admin.cookie });
    expect(body.data.disableTwoFactor).toEqual({ ok: false, userErrors: [{ field: null, code: 'NOT_AVAILABLE' }] });
  });
});

describe('turning it off', () => {
  it('needs the password and a code; then signing in takes the password only', async () => {
    const login = await newAccount(db);
    const { recoveryCodes } = await enrol(login.cookie);
    const DISABLE = `mutation($password: String!, $code: String!) { disableTwoFactor(input: { currentPassword: $password, code: $code }) { ok ${USER_ERRORS} } }`;
    expect((await api.gql(DISABLE, { password: 'not it', code: recoveryCodes[0] }, { cookie: login.cookie })).body.data.disableTwoFactor.userErrors).toEqual([{ field: 'currentPassword', code: 'WRONG_PASSWORD' }]);
    expect((await api.gql(DISABLE, { password: PASSWORD, code: '000000' }, { cookie: login.cookie })).body.data.disableTwoFactor.userErrors).toEqual([{ field: 'code', code: 'WRONG_CODE' }]);
    expect((await api.gql(DISABLE, { password: PASSWORD, code: recoveryCodes[0] }, { cookie: login.cookie })).body.data.disableTwoFactor).toEqual({ ok: true, userErrors: [] });
    expect(await signIn(login)).not.toBeNull();
    expect(await db.query(`SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1`, [login.user.id])).toEqual([{ n: 0 }]);
    expect(await db.getRepository(Notification).countBy({ toEmail: login.user.email, template: 'SECOND_FACTOR_DISABLED' })).toBe(1);
  });
});
