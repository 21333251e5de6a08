import type { DataSource } from 'typeorm';
import { createApiToken } from '@/operations/access/api-tokens';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, type AccountLogin } from '../support/fixtures';

// Product rules, "Integrations for resellers": a budget of query-cost points per token and per portal session.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const POINTS = 100;
const WINDOW_SECONDS = 600;
/** Costs 1 (viewer) + 1 (user) + 1 (email) = 3 points. */
const VIEWER = '{ viewer { user { email } } }';
const VIEWER_COST = 3;

async function post(query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  const response = await api.raw({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const newToken = async () => (await createApiToken(db, customer.actor, { name: 'rate' })).token;

beforeAll(async () => {
  process.env.API_RATE_LIMIT_POINTS = String(POINTS);
  process.env.API_RATE_LIMIT_WINDOW_SECONDS = String(WINDOW_SECONDS);
  db = await database.db();
  customer = await newAccount(db);
});

afterAll(() => {
  delete process.env.API_RATE_LIMIT_POINTS;
  delete process.env.API_RATE_LIMIT_WINDOW_SECONDS;
});

describe('the budget of query-cost points', () => {
  it('is reported on every response, in the headers and in extensions.cost', async () => {
    const token = await newToken();
    const started = Date.now();
    const first = await post(VIEWER, bearer(token));
    const second = await post(VIEWER, bearer(token));
    expect(second.status).toBe(200);
    expect(second.headers.get('x-ratelimit-limit')).toBe(String(POINTS));
    expect(second.headers.get('x-ratelimit-used')).toBe(String(2 * VIEWER_COST));
    expect(second.headers.get('x-ratelimit-remaining')).toBe(String(POINTS - 2 * VIEWER_COST));
    const reset = Number(second.headers.get('x-ratelimit-reset'));
    expect(reset).toBe(Number(first.headers.get('x-ratelimit-reset')));
    expect(reset * 1000).toBeGreaterThanOrEqual(started + WINDOW_SECONDS * 1000 - 1000);
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + WINDOW_SECONDS * 1000 + 1000);
    expect(second.body.extensions.cost).toEqual({ requestedQueryCost: VIEWER_COST, remaining: POINTS - 2 * VIEWER_COST, limit: POINTS, resetAt: new Date(second.body.extensions.cost.resetAt).toISOString() });
    // A request that fails validation is charged nothing, and still reports the budget.
    const invalid = await post('{ viewer { nope } }', bearer(token));
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-ratelimit-used')).toBe(String(2 * VIEWER_COST));
  });

  it('past it answers 429 with Retry-After and runs nothing, while another token is still served', async () => {
    const token = await newToken();
    const served: number[] = [];
    let refused;
    for (let i = 0; i < POINTS && !refused; i += 1) {
      const answer = await post(VIEWER, bearer(token));
      if (answer.status === 200) served.push(i);
      else refused = answer;
    }
    expect(served).toHaveLength(Math.floor(POINTS / VIEWER_COST));
    expect(refused!.status).toBe(429);
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refused!.headers.get('x-ratelimit-remaining')).toBe(String(POINTS - served.length * VIEWER_COST));
    expect(refused!.body.data).toBeUndefined();
    expect(refused!.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused!.body.extensions.cost).toMatchObject({ requestedQueryCost: VIEWER_COST, remaining: POINTS - served.length * VIEWER_COST, limit: POINTS });

    const rename = await post('mutation { updateProfile(input: { name: "Limitato", locale: null }) { user { name } } }', bearer(token));
    expect(rename.status).toBe(429);
    expect((await db.query('SELECT name FROM users WHERE id = $1', [customer.user.id]))[0].name).not.toBe('Limitato');

    expect((await post(VIEWER, bearer(await newToken()))).status).toBe(200);
  });

  it('is whole again once the window has passed', async () => {
    const token = await newToken();
    while ((await post(VIEWER, bearer(token))).status === 200);
    await db.query(`UPDATE api_tokens SET rate_window_started_at = rate_window_started_at - make_interval(secs => $1) WHERE rate_used > 0 AND name = 'rate'`, [WINDOW_SECONDS]);
    const again = await post(VIEWER, bearer(token));
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-used')).toBe(String(VIEWER_COST));
  });

  it('adds up the costs of concurrent requests of one token: never more is served than it holds', async () => {
    const token = await newToken();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(VIEWER, bearer(token))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(Math.floor(POINTS / VIEWER_COST));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(50 - Math.floor(POINTS / VIEWER_COST));
  });

  it("holds a portal session's requests too, apart from the login's tokens", async () => {
    const session = await newAccount(db);
    const cookie = { cookie: session.cookie, origin: api.url().replace(/\/api\/graphql$/, '') };
    let status = 200;
    let served = 0;
    while (status === 200) {
      status = (await post(VIEWER, cookie)).status;
      if (status === 200) served += 1;
    }
    expect(served).toBe(Math.floor(POINTS / VIEWER_COST));
    expect(status).toBe(429);
    expect((await post(VIEWER, bearer(session.token))).status).toBe(200);
  });
});
