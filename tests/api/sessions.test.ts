import type { DataSource } from 'typeorm';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';
import { FIREFOX_WINDOWS, SAFARI_IPHONE, signInAs, signOutAs, type SignedIn } from '../support/sign-in';

// Product rules, "Accounts and access": sessions are revocable; signing out ends the session on the server.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;

const signIn = async (login: AccountLogin, userAgent: string, address: string): Promise<SignedIn> => (await signInAs(login.user.email, 'correct horse battery', userAgent, address))!;
const signOut = signOutAs;
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
