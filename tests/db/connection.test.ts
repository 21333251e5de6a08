import { useTestDatabase } from '../support/database';

const database = useTestDatabase();

describe('the connection to the embedded PostgreSQL', () => {
  (process.env.TEST_CLUSTER_EMBEDDED ? it : it.skip)('goes through its Unix socket, not TCP', async () => {
    const db = await database.db();
    const [{ address }] = await db.query('SELECT inet_client_addr() AS address');
    expect(address).toBeNull();
    expect(new URL(process.env.DATABASE_URL!).searchParams.get('host')).toMatch(/^\//);
  });
});
