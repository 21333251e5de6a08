import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { guardForwardedFor } from '@/lib/http/client-address';
import { authOptions } from '@/portal/auth-options';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;

const PASSWORD = 'correct horse battery';

type Headers = Record<string, string | string[] | undefined>;

/** next-auth's credentials callback, called as the /api/auth route does, with the request's headers. */
function authorizeWith(email: string, password: string, headers: Headers): Promise<unknown> {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> } };
  return provider.options.authorize({ email, password }, { headers });
}

/** From an address, as a reverse proxy in front reports it (the last X-Forwarded-For hop). */
function authorize(email: string, password: string, address: string): Promise<unknown> {
  return authorizeWith(email, password, { 'x-forwarded-for': `203.0.113.250, ${address}` });
}

async function fail(login: AccountLogin, address: string, times: number) {
  for (let i = 0; i < times; i += 1) expect(await authorize(login.user.email, 'wrong password', address)).toBeNull();
}

const ageAttempts = (minutes: number) => db.query(`UPDATE login_attempts SET created_at = created_at - make_interval(mins => $1)`, [minutes]);

beforeAll(async () => {
  db = await database.db();
});

describe('login attempts', () => {
  it('refuses a sixth try on an account within 15 minutes, even with the right password, then lets it in again', async () => {
    const login = await newAccount(db);
    await fail(login, '198.51.100.1', 5);
    await expect(authorize(login.user.email, PASSWORD, '198.51.100.2')).rejects.toThrow('TOO_MANY_ATTEMPTS');
    await expect(authorize(login.user.email.toUpperCase(), PASSWORD, '198.51.100.3')).rejects.toThrow('TOO_MANY_ATTEMPTS');
    await ageAttempts(16);
    expect(await authorize(login.user.email, PASSWORD, '198.51.100.2')).toMatchObject({ id: login.user.id, email: login.user.email });
  });

  it('refuses an address after 5 failures, whichever accounts it tried', async () => {
    const [first, second, third] = [await newAccount(db), await newAccount(db), await newAccount(db)];
    await fail(first, '198.51.100.7', 3);
    await fail(second, '198.51.100.7', 2);
    await expect(authorize(third.user.email, PASSWORD, '198.51.100.7')).rejects.toThrow('TOO_MANY_ATTEMPTS');
    expect(await authorize(third.user.email, PASSWORD, '198.51.100.8')).toMatchObject({ id: third.user.id, email: third.user.email });
    await ageAttempts(16);
  });

  it("clears an account's failures when it signs in, and counts unknown emails too", async () => {
    const login = await newAccount(db);
    await fail(login, '198.51.100.20', 4);
    expect(await authorize(login.user.email, PASSWORD, '198.51.100.21')).toMatchObject({ id: login.user.id, email: login.user.email });
    await fail(login, '198.51.100.22', 4);
    expect(await authorize(login.user.email, PASSWORD, '198.51.100.23')).toMatchObject({ id: login.user.id, email: login.user.email });
    for (let i = 0; i < 5; i += 1) expect(await authorize('nobody@example.test', 'guess', `198.51.100.${30 + i}`)).toBeNull();
    await expect(authorize('nobody@example.test', 'guess', '198.51.100.40')).rejects.toThrow('TOO_MANY_ATTEMPTS');
  });

  it('never lets more than 5 of 12 concurrent guesses reach the password check', async () => {
    const login = await newAccount(db);
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => authorize(login.user.email, 'wrong password', `198.51.100.${100 + i}`)));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(7);
    expect(new Set(refused.map((r) => r.reason.message))).toEqual(new Set(['TOO_MANY_ATTEMPTS']));
  });
});

describe('the address of a login attempt', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // What the server process installs at start (instrumentation.ts); next-auth then reads the headers Next.js hands on.
    guardForwardedFor();
    server = createServer((req, res) => {
      const { email, password } = JSON.parse(decodeURIComponent(req.url!.slice(1)));
      authorizeWith(email, password, req.headers).then(
        (user) => res.end(user ? 'SIGNED_IN' : 'WRONG_CREDENTIALS'),
        (error: Error) => res.end(error.message),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    delete process.env.TRUST_PROXY;
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** Signs in over HTTP from this machine, claiming to come from `claimed` (X-Forwarded-For). */
  async function signInClaiming(email: string, password: string, claimed: string): Promise<string> {
    const response = await fetch(`${url}/${encodeURIComponent(JSON.stringify({ email, password }))}`, { headers: { 'x-forwarded-for': claimed, 'x-real-ip': claimed } });
    return response.text();
  }

  it('is the peer by default: an address the client claims changes nothing', async () => {
    const target = await newAccount(db);
    for (let i = 0; i < 5; i += 1) expect(await signInClaiming(`stranger${i}@example.test`, 'guess', `198.51.100.${150 + i}`)).toBe('WRONG_CREDENTIALS');
    expect(await signInClaiming(target.user.email, PASSWORD, '198.51.100.160')).toBe('TOO_MANY_ATTEMPTS');
    expect(await db.query(`SELECT DISTINCT address FROM login_attempts WHERE email LIKE 'stranger%'`)).toEqual([{ address: '127.0.0.1' }]);
    await ageAttempts(16);
  });

  it("with TRUST_PROXY=on, is the last X-Forwarded-For hop, the one the proxy appended", async () => {
    process.env.TRUST_PROXY = 'on';
    const target = await newAccount(db);
    for (let i = 0; i < 5; i += 1) expect(await signInClaiming(`visitor${i}@example.test`, 'guess', `203.0.113.9, 198.51.100.${170 + i}`)).toBe('WRONG_CREDENTIALS');
    expect(await signInClaiming(target.user.email, PASSWORD, '203.0.113.9, 198.51.100.180')).toBe('SIGNED_IN');
    expect(await db.query(`SELECT address FROM login_attempts WHERE email LIKE 'visitor%' ORDER BY address`)).toEqual([170, 171, 172, 173, 174].map((n) => ({ address: `198.51.100.${n}` })));
  });
});
