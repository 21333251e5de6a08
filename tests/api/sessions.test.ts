import type { JWT } from 'next-auth/jwt';
import type { DataSource } from 'typeorm';
import { authOptions } from '@/portal/auth-options';
import { sessionCookie, useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

// Product rules, "Accounts and access": sessions are revocable; signing out ends the session on the server.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const PASSWORD = 'correct horse battery';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface SignedIn { cookie: string; sessionId: string; token: JWT }

/** Signs in as the /api/auth route does (credentials, then the jwt callback), from a browser and an address. */
async function signIn(login: AccountLogin, userAgent: string, address: string): Promise<SignedIn> {
  const options = authOptions();
  const provider = options.providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<{ id: string; email: string } | null> } };
  const user = await provider.options.authorize({ email: login.user.email, password: PASSWORD }, { headers: { 'user-agent': userAgent, 'x-forwarded-for': address } });
  const token = await options.callbacks!.jwt!({ token: { sub: user!.id, email: user!.email }, user: user as never, account: null });
  const sessionId = token.sid as string;
  return { cookie: await sessionCookie(user!.id, user!.email, sessionId), sessionId, token };
}

const signOut = (token: JWT) => authOptions().events!.signOut!({ token, session: null as never });
const viewer = (cookie: string) => api.gql('{ viewer { user { email } } }', {}, { cookie });
const SESSIONS = '{ sessions { id device address createdAt lastSeenAt current } }';

beforeAll(async () => {
  db = await database.db();
});

describe('signing out', () => {
  it('refuses the old cookie at once with 401, while another session of the login goes on', async () => {
    const login = await newAccount(db);
    const laptop = await signIn(login, FIREFOX_WINDOWS, '198.51.100.1');
    expect((await viewer(laptop.cookie)).body.data.viewer.user.email).toBe(login.user.email);
    await signOut(laptop.token);
    const replayed = await viewer(laptop.cookie);
    expect(replayed.status).toBe(401);
    expect(replayed.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await viewer(login.cookie)).status).toBe(200);
  });

  it('refuses a signed cookie that names no session (one made before sessions were kept)', async () => {
    const login = await newAccount(db);
    const { encode } = await import('next-auth/jwt');
    const old = `next-auth.session-token=${await encode({ token: { sub: login.user.id, email: login.user.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
    expect((await viewer(old)).status).toBe(401);
  });
});

describe('the sessions of a login', () => {
  it('lists the devices signed in, the current one marked, and never those of another login', async () => {
    const login = await newAccount(db);
    const other = await newAccount(db);
    await db.query(`DELETE FROM user_sessions WHERE user_id = $1`, [login.user.id]);
    const laptop = await signIn(login, FIREFOX_WINDOWS, '198.51.100.1');
    const phone = await signIn(login, SAFARI_IPHONE, '198.51.100.2');
    await signIn(other, FIREFOX_WINDOWS, '198.51.100.3');
    const { body } = await api.gql(SESSIONS, {}, { cookie: phone.cookie });
    expect(body.data.sessions.map((s: any) => [s.id, s.device, s.address, s.current]).sort()).toEqual([
      [laptop.sessionId, 'Firefox, Windows', '198.51.100.1', false],
      [phone.sessionId, 'Safari, iOS', '198.51.100.2', true],
    ].sort());
  });

  it('ends one session: its cookie is refused, the others go on; another login\'s session is not found', async () => {
    const login = await newAccount(db);
    const other = await newAccount(db);
    const laptop = await signIn(login, FIREFOX_WINDOWS, '198.51.100.1');
    const END = 'mutation($id: ID!) { endSession(input: { id: $id }) { endedSessionId userErrors { code } } }';
    expect((await api.gql(END, { id: other.sessionId }, { cookie: login.cookie })).body.data.endSession).toEqual({ endedSessionId: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await viewer(other.cookie)).status).toBe(200);
    expect((await api.gql(END, { id: laptop.sessionId }, { cookie: login.cookie })).body.data.endSession).toEqual({ endedSessionId: laptop.sessionId, userErrors: [] });
    expect((await viewer(laptop.cookie)).status).toBe(401);
    expect((await viewer(login.cookie)).status).toBe(200);
    expect((await api.gql(END, { id: laptop.sessionId }, { cookie: login.cookie })).body.data.endSession.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const [audit] = await db.query(`SELECT action, actor_user_id FROM audit_events WHERE entity_id = $1`, [laptop.sessionId]);
    expect(audit).toEqual({ action: 'session.ended', actor_user_id: login.user.id });
  });

  it('ends every other session and keeps the one asking', async () => {
    const login = await newAccount(db);
    const laptop = await signIn(login, FIREFOX_WINDOWS, '198.51.100.1');
    const phone = await signIn(login, SAFARI_IPHONE, '198.51.100.2');
    const { body } = await api.gql('mutation { endOtherSessions { endedCount userErrors { code } } }', {}, { cookie: phone.cookie });
    expect(body.data.endOtherSessions).toEqual({ endedCount: 2, userErrors: [] });
    expect((await viewer(laptop.cookie)).status).toBe(401);
    expect((await viewer(login.cookie)).status).toBe(401);
    expect((await viewer(phone.cookie)).status).toBe(200);
    expect((await api.gql(SESSIONS, {}, { cookie: phone.cookie })).body.data.sessions.map((s: any) => s.id)).toEqual([phone.sessionId]);
  });

  it('marks a session seen at most once a minute', async () => {
    const login = await newAccount(db);
    const lastSeen = async () => (await db.query(`SELECT last_seen_at FROM user_sessions WHERE id = $1`, [login.sessionId]))[0].last_seen_at as Date;
    await db.query(`UPDATE user_sessions SET last_seen_at = now() - interval '30 seconds' WHERE id = $1`, [login.sessionId]);
    const before = await lastSeen();
    await viewer(login.cookie);
    expect(await lastSeen()).toEqual(before);
    await db.query(`UPDATE user_sessions SET last_seen_at = now() - interval '2 minutes' WHERE id = $1`, [login.sessionId]);
    await viewer(login.cookie);
    expect(Date.now() - (await lastSeen()).getTime()).toBeLessThan(10_000);
  });
});
