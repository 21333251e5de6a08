import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, startEmbeddedPostgres, type EmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { seedCatalog } from '@/operations/catalog/seed-catalog';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@/lib/db/data-source';
import { TEMPLATE_DATABASE, clusterUrl } from './cluster';

declare global {
  var __testCluster: EmbeddedDatabase | undefined;
  var __testClusterDir: string | undefined;
}

/** Stops the embedded PostgreSQL and removes its temporary directory. */
export async function stopTestCluster(): Promise<void> {
  await globalThis.__testCluster?.stop();
  if (globalThis.__testClusterDir) await fs.rm(globalThis.__testClusterDir, { recursive: true, force: true });
}

/**
 * One PostgreSQL for the whole run: `DATABASE_URL`'s server when set, otherwise an embedded one in a
 * temporary directory. A template database is built by the migrations (plus the catalog); each test
 * file copies it into a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_CLUSTER_URL = process.env.DATABASE_URL;
  } else {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pannello-test-pg-'));
    globalThis.__testClusterDir = dataDir;
    await fs.chmod(dataDir, 0o777);
    const port = 15000 + Math.floor(Math.random() * 20000);
    globalThis.__testCluster = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port, database: 'postgres', persistent: false });
    process.env.TEST_CLUSTER_URL = globalThis.__testCluster.url;
    process.env.TEST_CLUSTER_EMBEDDED = '1';
  }
  try {
    const admin = new pg.Client({ connectionString: clusterUrl('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.end();
    const url = clusterUrl(TEMPLATE_DATABASE);
    await createDatabaseIfMissing(url);
    await migrate(url);
    const db = await new DataSource(dataSourceOptions(url)).initialize();
    await seedCatalog(db);
    await db.destroy();
  } catch (error) {
    await stopTestCluster();
    throw error;
  }
}
