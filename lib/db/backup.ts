import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type pg from 'pg';
import { BackupError, findPgTool, libpqConnection, serverMajor, withConnection } from './pg-tools';

const run = promisify(execFile);

/** Tables, views and sequences outside PostgreSQL's own schemas: what makes a database not empty. */
const USER_RELATIONS = `SELECT count(*)::int AS "n" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'`;

const USER_SCHEMAS = `SELECT nspname AS "name" FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%'`;

export interface BackupResult { file: string; bytes: number; tool: string }

/**
 * Writes the whole database (every schema: the portal's, pg-boss's) to `file` with `pg_dump` in its
 * custom format, consistent as of the moment it starts while the portal keeps running. Written beside
 * `file` first and renamed, so a failed backup never leaves half a file under its name.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const tool = await findPgTool('pg_dump', await serverMajor(url));
  const { dbname, env } = libpqConnection(url);
  const partial = `${file}.partial`;
  try {
    await run(tool, ['--format=custom', '--file', partial, '--dbname', dbname], { env, maxBuffer: 16 * 1024 * 1024 });
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, bytes: fs.statSync(file).size, tool };
}


/** Drops every schema the database has beyond PostgreSQL's own, and gives it back an empty `public` as PostgreSQL 15 creates it. */
async function emptyDatabase(client: pg.Client): Promise<void> {
  const { rows } = await client.query(USER_SCHEMAS);
  await client.query('BEGIN');
  for (const { name } of rows) await client.query(`DROP SCHEMA "${String(name).replace(/"/g, '""')}" CASCADE`);
  await client.query('CREATE SCHEMA public');
  await client.query('ALTER SCHEMA public OWNER TO pg_database_owner');
  await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  await client.query('COMMIT');
}

/**
 * Restores a backup of `backupDatabase` into the database at `url` with `pg_restore`, in one
 * transaction (all or nothing). A database with tables is refused — restoring over it would mix two
 * databases — unless `force`, which first drops everything in it. Owners and grants are not restored:
 * everything belongs to the user restoring, as the portal's own tables do.
 */
export async function restoreDatabase(url: string, file: string, force: boolean): Promise<{ relations: number; tool: string }> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  const tool = await findPgTool('pg_restore', await serverMajor(url));
  await withConnection(url, async (client) => {
    const { rows: [{ n }] } = await client.query(USER_RELATIONS);
    if (n > 0 && !force) throw new BackupError(`the database is not empty (${n} tables, views and sequences): restoring into it would mix two databases. Restore into an empty one, or add --force to drop everything in it first`);
    if (n > 0) await emptyDatabase(client);
  });
  const { dbname, env } = libpqConnection(url);
  await run(tool, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', '--no-comments', '--dbname', dbname, file], { env, maxBuffer: 16 * 1024 * 1024 });
  const relations = await withConnection(url, async (client) => (await client.query(USER_RELATIONS)).rows[0].n as number);
  return { relations, tool };
}
