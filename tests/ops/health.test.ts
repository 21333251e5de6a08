import { markStopping } from '@/lib/shutdown-state';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
const api = useGraphQLServer();

async function check(path: string): Promise<{ status: number; body: Record<string, unknown>; requestId: string | null }> {
  const response = await api.raw({ path });
  return { status: response.status, body: await response.json(), requestId: response.headers.get('x-request-id') };
}

describe('health checks', () => {
  it('live answers while the process runs, without touching the database', async () => {
    expect(await check('/api/health/live')).toEqual({ status: 200, body: { status: 'live' }, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('ready answers 503 while a migration of this code is not applied, 200 once it is', async () => {
    expect(await check('/api/health/ready')).toMatchObject({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'current', stopping: false } });
    const db = await database.db();
    const [[last]] = await db.query(`DELETE FROM "migrations" WHERE "id" = (SELECT max("id") FROM "migrations") RETURNING *`);
    expect(await check('/api/health/ready')).toMatchObject({ status: 503, body: { status: 'not ready', migrations: 'pending' } });
    await db.query(`INSERT INTO "migrations" ("id", "timestamp", "name") VALUES ($1, $2, $3)`, [last.id, last.timestamp, last.name]);
    // A migration this code does not know yet (a newer release rolling out) leaves it ready.
    await db.query(`INSERT INTO "migrations" ("id", "timestamp", "name") SELECT max("id") + 1, 9999999999999, 'FromTheNextRelease9999999999999' FROM "migrations"`);
    expect((await check('/api/health/ready')).status).toBe(200);
  });

  it('ready answers 503 once the instance is stopping; live still answers', async () => {
    markStopping();
    expect(await check('/api/health/ready')).toMatchObject({ status: 503, body: { status: 'not ready', stopping: true } });
    expect((await check('/api/health/live')).status).toBe(200);
  });
});
