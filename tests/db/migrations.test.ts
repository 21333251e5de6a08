import pg from 'pg';
import { migrate, migrateDownAll } from '@/lib/db/migrate';
import { schemaDiff } from '@/lib/db/schema-diff';
import { MIGRATIONS } from '@/migrations';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase({ empty: true });

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
  await client.end();
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  it('build an empty database, agree with the entities, and come down to nothing', async () => {
    const url = database.url();
    expect(await tables(url)).toEqual([]);

    expect(await migrate(url)).toHaveLength(MIGRATIONS.length);
    expect(await tables(url)).toEqual(expect.arrayContaining(['accounts', 'services', 'orders', 'invoices', 'notifications', 'audit_events', 'migrations']));
    expect(await schemaDiff(url)).toEqual({ up: [], down: [] });
    expect(await migrate(url)).toEqual([]);

    expect(await migrateDownAll(url)).toBe(MIGRATIONS.length);
    expect(await tables(url)).toEqual(['migrations']);

    expect(await migrate(url)).toHaveLength(MIGRATIONS.length);
    expect(await schemaDiff(url)).toEqual({ up: [], down: [] });
  });
});
