import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { closeDataSource, getDataSource } from '@/lib/db/data-source';
import { TEMPLATE_DATABASE, clusterUrl } from './cluster';

async function onCluster(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: clusterUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Gives the test file a database of its own, copied from the migrated template, and points the
 * application (DATABASE_URL) at it. With `empty`, the database has no tables at all.
 */
export function useTestDatabase(options: { empty?: boolean } = {}): { url: () => string; db: () => Promise<DataSource> } {
  const file = expect.getState().testPath ?? 'test';
  const name = `t_${createHash('sha1').update(file).digest('hex').slice(0, 10)}_${randomBytes(3).toString('hex')}`;
  const url = clusterUrl(name);
  beforeAll(async () => {
    await onCluster(options.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
    process.env.DATABASE_URL = url;
  });
  afterAll(async () => {
    await closeDataSource();
    await onCluster(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  return { url: () => url, db: getDataSource };
}
