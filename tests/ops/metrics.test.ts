import { today } from '@/lib/clock';
import { signInWithPassword } from '@/operations/access/sign-in';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount } from '../support/fixtures';
import { families, sample } from './prometheus';

const database = useTestDatabase();
const api = useGraphQLServer();
const TOKEN = 'metrics-test-token';

async function scrape(): Promise<string> {
  const response = await api.raw({ path: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

afterEach(() => { delete process.env.METRICS_TOKEN; });

describe('/api/metrics', () => {
  it('is off without METRICS_TOKEN, and wants it as a Bearer token', async () => {
    expect((await api.raw({ path: '/api/metrics' })).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    expect((await api.raw({ path: '/api/metrics' })).status).toBe(401);
    expect((await api.raw({ path: '/api/metrics', headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
    expect((await api.raw({ path: '/api/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('shows request durations by route and by operation, pools, the outbox backlog, the last daily run and login failures', async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const db = await database.db();
    const customer = await newAccount(db);
    for (let i = 0; i < 3; i += 1) expect((await api.gql('query Viewer { viewer { user { email } } }', {}, { token: customer.token })).status).toBe(200);
    expect((await api.gql('query Broken { nope }', {}, { token: customer.token })).status).toBe(400);
    await db.query(`UPDATE "notifications" SET "status" = 'SENT'`);
    await db.query(`INSERT INTO "notifications" ("template", "dedupe_key", "to_email", "locale", "subject", "body_text", "body_html", "created_at")
      SELECT 'TEST', 'metrics-' || n, 'someone@example.test', 'it', 's', 't', 'h', now() - make_interval(mins => n * 10) FROM generate_series(1, 3) n`);
    const run = await runLifecycle(db, null, today());
    expect((await signInWithPassword(db, customer.user.email, 'not the password', { userAgent: null, address: '203.0.113.9' })).outcome).toBe('WRONG_CREDENTIALS');

    const text = await scrape();
    expect(families(text)).toEqual(expect.arrayContaining([
      'pannello_http_request_duration_seconds', 'pannello_graphql_request_duration_seconds', 'pannello_db_pool_connections',
      'pannello_db_pool_waiting_requests', 'pannello_outbox_backlog_messages', 'pannello_outbox_oldest_message_age_seconds',
      'pannello_lifecycle_last_run_date_timestamp_seconds', 'pannello_lifecycle_last_run_finished_timestamp_seconds',
      'pannello_lifecycle_last_run_duration_seconds', 'pannello_lifecycle_last_run_items', 'pannello_login_failures_total',
      'process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds',
    ]));
    expect(sample(text, 'pannello_graphql_request_duration_seconds_count', { operation: 'Viewer', outcome: 'OK' })).toBe(3);
    expect(sample(text, 'pannello_graphql_request_duration_seconds_count', { operation: 'Broken', outcome: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'POST', route: '/api/graphql', status: '200' })).toBe(3);
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'POST', route: '/api/graphql', status: '400' })).toBe(1);
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'GET', route: '/api/metrics', status: '401' })).toBe(2);
    expect(sample(text, 'pannello_db_pool_connections', { pool: 'app', state: 'max' })).toBe(10);
    expect(sample(text, 'pannello_db_pool_connections', { pool: 'app', state: 'busy' })! + sample(text, 'pannello_db_pool_connections', { pool: 'app', state: 'idle' })!).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'pannello_db_pool_waiting_requests', { pool: 'app' })).toBe(0);
    expect(sample(text, 'pannello_outbox_backlog_messages', { outbox: 'email' })).toBe(3);
    expect(sample(text, 'pannello_outbox_oldest_message_age_seconds', { outbox: 'email' })).toBeGreaterThanOrEqual(1800);
    expect(sample(text, 'pannello_outbox_oldest_message_age_seconds', { outbox: 'email' })).toBeLessThan(1900);
    expect(sample(text, 'pannello_outbox_backlog_messages', { outbox: 'e-invoice' })).toBe(0);
    expect(sample(text, 'pannello_lifecycle_last_run_date_timestamp_seconds')).toBe(Date.parse(`${run.date}T00:00:00Z`) / 1000);
    expect(sample(text, 'pannello_lifecycle_last_run_finished_timestamp_seconds')).toBe(run.finishedAt.getTime() / 1000);
    expect(sample(text, 'pannello_lifecycle_last_run_duration_seconds')).toBe(run.durationMs / 1000);
    expect(sample(text, 'pannello_lifecycle_last_run_items', { kind: 'reminders' })).toBe(run.reminders);
    expect(sample(text, 'pannello_login_failures_total', { reason: 'wrong_credentials' })).toBe(1);

    // The scrape before this one is counted now, by its route.
    expect(sample(await scrape(), 'pannello_http_request_duration_seconds_count', { method: 'GET', route: '/api/metrics', status: '200' })).toBeGreaterThanOrEqual(2);
  });

  it('labels paths by their route pattern, never by the id in them', async () => {
    process.env.METRICS_TOKEN = TOKEN;
    await api.raw({ path: '/api/invoices/00000000-0000-4000-8000-000000000000/pdf' });
    await api.raw({ path: '/no/such/page' });
    const text = await scrape();
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'GET', route: '/api/invoices/[id]/pdf' })).toBe(1);
    expect(sample(text, 'pannello_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched' })).toBe(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
  });
});
