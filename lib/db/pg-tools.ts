import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PgTool = 'pg_dump' | 'pg_restore';

/** A backup or restore refused, with what to do about it. */
export class BackupError extends Error {}

/** Debian and Ubuntu keep each major version's client programs apart; `pg_dump` on PATH is the newest's. */
const DEBIAN_VERSIONS = '/usr/lib/postgresql';

async function majorOf(program: string): Promise<number | null> {
  try {
    const { stdout } = await run(program, ['--version']);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function candidates(tool: PgTool): string[] {
  if (process.env.PG_BIN_DIR) return [path.join(process.env.PG_BIN_DIR, tool)];
  const versioned = fs.existsSync(DEBIAN_VERSIONS) ? fs.readdirSync(DEBIAN_VERSIONS).map((version) => path.join(DEBIAN_VERSIONS, version, 'bin', tool)) : [];
  return [...versioned.filter((file) => fs.existsSync(file)), tool];
}

/** Runs `work` on a connection of its own to `url`, closed afterwards. */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The major version of the PostgreSQL server at `url`. */
export function serverMajor(url: string): Promise<number> {
  return withConnection(url, async (client) => Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10000));
}

/**
 * PostgreSQL's own `pg_dump` or `pg_restore` for a server of major version `server`: from `PG_BIN_DIR`
 * when set, otherwise the machine's (Debian's per-version directories, then PATH) — the same major as
 * the server when there is one, else the nearest newer (an older one cannot read a newer server).
 * The embedded PostgreSQL's npm package ships the server only, not these programs.
 */
export async function findPgTool(tool: PgTool, server: number): Promise<string> {
  const found: { program: string; major: number }[] = [];
  for (const program of candidates(tool)) {
    const major = await majorOf(program);
    if (major !== null) found.push({ program, major });
  }
  const usable = found.filter(({ major }) => major >= server).sort((a, b) => a.major - b.major);
  if (usable.length) return usable[0].program;
  const seen = found.length ? `only ${found.map(({ program, major }) => `${program} (${major})`).join(', ')}` : 'none';
  throw new BackupError(`${tool} ${server} or later is needed for this PostgreSQL ${server} server, and ${seen} was found: install PostgreSQL ${server}'s client programs (Debian: postgresql-client-${server}) or set PG_BIN_DIR to their directory`);
}

/** The server's URL for libpq's programs, with the password moved to the environment (never on a command line). */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const target = new URL(url);
  const password = decodeURIComponent(target.password);
  target.password = '';
  return { dbname: target.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

const USER_SCHEMAS = `SELECT nspname AS "name" FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'`;

/** Drops every schema the database has beyond PostgreSQL's own, and gives it back an empty `public` as PostgreSQL 15 creates it. */
export async function emptyDatabase(client: pg.Client): Promise<void> {
  const { rows } = await client.query(USER_SCHEMAS);
  await client.query('BEGIN');
  for (const { name } of rows) await client.query(`DROP SCHEMA "${String(name).replace(/"/g, '""')}" CASCADE`);
  await client.query('CREATE SCHEMA public');
  await client.query('ALTER SCHEMA public OWNER TO pg_database_owner');
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  await client.query('COMMIT');
}
