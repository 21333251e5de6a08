import path from 'node:path';
import pg from 'pg';
import { createDatabaseIfMissing, startEmbeddedPostgres } from '@/lib/db/embedded';

// One base database per dataset size (the million-service one keeps its historical name), and its run copy.
const suffix = (services: number) => (services === 1_000_000 ? '' : `_${services}`);
const baseName = (services: number) => `pannello_bench_base${suffix(services)}`;
const runName = (services: number) => `pannello_bench_run${suffix(services)}`;

export interface BenchDatabases {
  /** The base database of a dataset of `services` services, created empty when missing. */
  baseUrl(services: number): Promise<string>;
  freshRunCopy(services: number): Promise<string>;
  stop(): Promise<void>;
}

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
      database: 'postgres',
      persistent: true,
      log: (line) => { if (/ERROR|FATAL/.test(line) && !/terminating/.test(line)) log(line); },
    });
  return {
    async baseUrl(services) {
      const url = onDatabase(server.url, baseName(services));
      await createDatabaseIfMissing(url);
      return url;
    },
    async freshRunCopy(services) {
      const [base, run] = [baseName(services), runName(services)];
      const admin = new pg.Client({ connectionString: onDatabase(server.url, 'postgres') });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${run}" TEMPLATE "${base}"`);
      } finally {
        await admin.end();
      }
      return onDatabase(server.url, run);
    },
    stop: server.stop,
  };
}
