import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '@/lib/db/embedded';

const BASE = 'pannello_bench_base';
const RUN = 'pannello_bench_run';

export interface BenchDatabases { baseUrl: string; freshRunCopy(): Promise<string>; stop(): Promise<void> }

function onDatabase(url: string, database: string): string {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
}

/**
 * The benchmark's PostgreSQL: BENCH_DATABASE_URL's server when set, otherwise an embedded one kept in
 * bench/data (git-ignored). The dataset is built once into a base database; every run works on a fresh
 * copy of it, so runs start from the same state and can be compared.
 */
export async function openBenchDatabases(log: (line: string) => void): Promise<BenchDatabases> {
  const server = process.env.BENCH_DATABASE_URL
    ? { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres({
      dataDir: path.resolve('bench', 'data', 'postgres'),
      port: Number(process.env.BENCH_PG_PORT ?? 5455),
      database: BASE,
      persistent: true,
      log: (line) => { if (/ERROR|FATAL/.test(line) && !/terminating/.test(line)) log(line); },
    });
  const baseUrl = onDatabase(server.url, BASE);
  await createDatabaseIfMissing(baseUrl);
  return {
    baseUrl,
    async freshRunCopy() {
      const admin = new pg.Client({ connectionString: onDatabase(server.url, 'postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${RUN}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${RUN}" TEMPLATE "${BASE}"`);
      } finally {
        await admin.end();
      }
      return onDatabase(server.url, RUN);
    },
    stop: server.stop,
  };
}
