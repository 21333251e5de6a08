/**
 * The built app as `npm start` serves it, on the test cluster's PostgreSQL, tried as an operator would:
 * health checks, a scrape, the request log, and SIGTERM in the middle of a burst and an outbox pass.
 */
import net from 'node:net';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { withConnection } from '@/lib/db/pg-tools';
import { startSession } from '@/operations/access/sessions';
import { DEMO_LOGINS } from '@/operations/demo/seed-demo-data';
import { startApp, type RunningApp } from '../e2e/app';
import { useTestDatabase } from '../support/database';
import { LocalSmtp } from '../support/smtp';
import { sample } from './prometheus';

jest.setTimeout(300_000);

const database = useTestDatabase();
const smtp = new LocalSmtp();
const METRICS_TOKEN = 'scrape-token-3b1f9c';
let app: RunningApp;
let customerId: string;
let cookie: string;

function sql<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  return withConnection(database.url(), async (client) => (await client.query(text, values)).rows);
}

function gql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${app.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

/** The JSON lines the server wrote (the start script's own lines are plain text). */
function logLines(): Record<string, any>[] {
  return app.output().split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

beforeAll(async () => {
  await smtp.start();
  app = await startApp('2026-11-29', {
    NODE_ENV: 'production', DATABASE_URL: database.url(), SMTP_URL: smtp.url(), METRICS_TOKEN, LOG_LEVEL: 'info', LOG_FORMAT: 'json', SHUTDOWN_DELAY: '1', SHUTDOWN_TIMEOUT: '20',
  });
  [{ id: customerId }] = await sql(`SELECT "id" FROM "users" WHERE "email" = $1`, [DEMO_LOGINS.customer.email]);
  const session = await startSession(await database.db(), customerId, { userAgent: 'ops test', address: '127.0.0.1' });
  cookie = `next-auth.session-token=${await encode({ token: { sub: customerId, email: DEMO_LOGINS.customer.email, sid: session.id }, secret: 'e2e-secret' })}`;
});

afterAll(async () => {
  await app?.stop();
  await smtp.stop();
});

describe('the production server', () => {
  it('answers its health checks', async () => {
    const live = await fetch(`${app.url}/api/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
    const ready = await fetch(`${app.url}/api/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', ready: true, stopping: false, database: 'ok', migrations: 'current' }]);
  });

  it('logs one JSON line per request with its id, route, operation and actor, the same id on every line it causes, and no secret', async () => {
    const created = await (await gql('mutation NewToken { createApiToken(input: { name: "ops" }) { secret } }', {}, { cookie, 'x-request-id': 'req-token' })).json();
    const apiToken: string = created.data.createApiToken.secret;
    const viewer = await gql('query Viewer { viewer { user { email } } }', {}, { authorization: `Bearer ${apiToken}`, 'x-request-id': 'req-viewer' });
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('x-request-id')).toBe('req-viewer');
    await gql('mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) { userErrors { code } } }',
      { input: { token: 'reset-token-7f3a9e', password: 'Sup3r-secret-pass!' } }, { 'x-request-id': 'req-reset' });
    await gql('query Card($number: String) { __typename }', { number: '4242424242424242' }, { 'x-request-id': 'req-card' });
    const invalid = await (await gql('query Broken { nope }', {}, { 'x-request-id': 'req-broken' })).json();
    expect(invalid.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'req-broken' });
    await fetch(`${app.url}/reimposta-password?token=link-token-5d2c8b`, { headers: { 'x-request-id': 'req-page' } });

    // A real portal login through next-auth, first with a wrong password.
    const csrf = await fetch(`${app.url}/api/auth/csrf`);
    const { csrfToken } = await csrf.json();
    const csrfCookie = csrf.headers.getSetCookie().map((entry) => entry.split(';')[0]).join('; ');
    const login = (password: string, id: string) => fetch(`${app.url}/api/auth/callback/credentials`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, 'x-request-id': id },
      body: new URLSearchParams({ csrfToken, email: DEMO_LOGINS.customer.email, password, json: 'true' }),
    });
    await login('wrong-password-a81c', 'req-login-bad');
    const signedIn = await login(DEMO_LOGINS.customer.password, 'req-login-ok');
    const sessionCookie = signedIn.headers.getSetCookie().find((entry) => entry.startsWith('next-auth.session-token='))!.split(';')[0].split('=')[1];
    expect(sessionCookie.length).toBeGreaterThan(20);

    await until(() => logLines().some((line) => line.requestId === 'req-login-ok' && line.msg === 'request'), 'the last request line');
    const lines = logLines();
    const of = (id: string) => lines.filter((line) => line.requestId === id);
    expect(of('req-viewer')).toEqual([expect.objectContaining({
      level: 'info', msg: 'request', method: 'POST', route: '/api/graphql', path: '/api/graphql', status: 200,
      operationName: 'Viewer', actorId: customerId, durationMs: expect.any(Number), time: expect.any(String),
    })]);
    expect(of('req-token')).toEqual([expect.objectContaining({ operationName: 'NewToken', actorId: customerId, status: 200 })]);
    expect(of('req-broken')).toEqual([expect.objectContaining({ operationName: 'Broken', status: 400 })]);
    expect(of('req-page')).toEqual([expect.objectContaining({ method: 'GET', route: '/reimposta-password', path: '/reimposta-password', status: 200 })]);
    expect(of('req-login-bad').map((line) => line.msg).sort()).toEqual(['login refused', 'request']);
    expect(of('req-login-bad').find((line) => line.msg === 'request')).toMatchObject({ route: '/api/auth/[...nextauth]', method: 'POST' });

    // Everything the server printed; the start script's own banner lists the demo logins on purpose.
    const output = app.output().split('\n').filter((line) => !line.startsWith('[pannello] ')).join('\n');
    for (const secret of [apiToken, cookie.split('=')[1], sessionCookie, csrfToken, 'Sup3r-secret-pass!', 'reset-token-7f3a9e', '4242424242424242',
      'wrong-password-a81c', DEMO_LOGINS.customer.password, 'link-token-5d2c8b', METRICS_TOKEN]) {
      expect({ secret, logged: output.includes(secret) }).toEqual({ secret, logged: false });
    }
  });

  it('shows request durations, login failures and the outbox at /api/metrics', async () => {
    const response = await fetch(`${app.url}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'pannello_graphql_request_duration_seconds_count', { operation: 'Viewer', outcome: 'OK' })).toBe(1);
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'POST', route: '/api/graphql', status: '200' })).toBe(3);
    expect(sample(text, 'pannello_login_failures_total', { reason: 'wrong_credentials' })).toBe(1);
    expect(sample(text, 'pannello_outbox_backlog_messages', { outbox: 'email' })).toEqual(expect.any(Number));
    expect(sample(text, 'pannello_db_pool_connections', { pool: 'background', state: 'max' })).toBe(4);
  });

  it('on SIGTERM answers not-ready, stops accepting, finishes every request and the outbox batch in hand, then exits', async () => {
    smtp.delayMs = 150;
    const [{ ids }] = await sql(`WITH queued AS (INSERT INTO "notifications" ("template", "dedupe_key", "to_email", "locale", "subject", "body_text", "body_html")
      SELECT 'TEST', 'burst-' || n, 'someone' || n || '@example.test', 'it', 's', 't', 'h' FROM generate_series(1, 40) n RETURNING "id")
      SELECT array_agg("id"::text) AS "ids" FROM queued`);
    const ours = new Set<string>(ids);
    const receivedIds = () => smtp.received.map((mail) => /^<([^@]+)@/.exec(mail.messageId)?.[1] ?? '').filter((id) => ours.has(id));
    await until(() => receivedIds().length > 0, 'the outbox pass to start');

    // Requests that are in flight when the server stops accepting: they wait on a lock until after it.
    const lock = new pg.Client({ connectionString: database.url() });
    await lock.connect();
    await lock.query(`BEGIN; LOCK TABLE "users" IN ACCESS EXCLUSIVE MODE`);
    const held = Array.from({ length: 4 }, () => gql('query Viewer { viewer { user { email } } }', {}, { cookie }).then(async (response) => ({ status: response.status, body: await response.json() })));
    await sleep(300);

    // A load balancer: routes while the instance answers ready, polled every 100 ms.
    let routable = true;
    const poller = (async () => {
      while (routable) {
        const ready = await fetch(`${app.url}/api/health/ready`).catch(() => null);
        if (ready?.status !== 200) routable = false;
        await sleep(100);
      }
    })();
    const results: { status: number; ok: boolean }[] = [];
    const clients = Array.from({ length: 4 }, async () => {
      while (routable) {
        const response = await gql('query Catalog { catalog { categories { code } } }');
        results.push({ status: response.status, ok: !!(await response.json()).data?.catalog });
      }
    });
    await sleep(500);
    app.signal('SIGTERM');
    await poller;
    await Promise.all(clients);
    const port = Number(new URL(app.url).port);
    await until(async () => !(await accepts(port)), 'the server to stop accepting connections');
    await lock.query('COMMIT');
    await lock.end();
    const heldResults = await Promise.all(held);
    expect(await app.exited).toBe(0);

    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((result) => result.status !== 200 || !result.ok)).toEqual([]);
    expect(heldResults.map((result) => [result.status, result.body.data?.viewer.user.email])).toEqual(Array(4).fill([200, DEMO_LOGINS.customer.email]));
    expect(logLines().find((line) => line.msg === 'stopped')).toMatchObject({ clean: true });

    const rows: { id: string; status: string }[] = await sql(`SELECT "id"::text, "status" FROM "notifications" WHERE "dedupe_key" LIKE 'burst-%'`);
    const sent = rows.filter((row) => row.status === 'SENT').map((row) => row.id).sort();
    const received = receivedIds();
    expect(new Set(received).size).toBe(received.length);
    expect([...received].sort()).toEqual(sent);
    expect(sent.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.status === 'PENDING').length).toBe(40 - sent.length);
  });
});
