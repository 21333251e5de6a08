import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { checkLogicalBackup, logicalBackup, logicalRestore, LOGICAL_TOOL } from './logical-backup';
import { BackupError, emptyDatabase, findPgTool, libpqConnection, serverMajor, withConnection } from './pg-tools';

const run = promisify(execFile);

/** Tables, views and sequences outside PostgreSQL's own schemas: what makes a database not empty. */
const USER_RELATIONS = `SELECT count(*)::int AS "n" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'`;

export interface BackupResult { file: string; bytes: number; tool: string }

/** `pg_dump` or `pg_restore` for the server at `url`, or null when the machine has none of a suitable major. */
async function pgTool(tool: 'pg_dump' | 'pg_restore', url: string): Promise<string | null> {
  try {
    return await findPgTool(tool, await serverMajor(url));
  } catch (error) {
    if (error instanceof BackupError) return null;
    throw error;
  }
}

/**
 * Writes the whole database (every schema: the portal's, pg-boss's) to `file`, consistent as of the
 * moment it starts while the portal keeps running: with `pg_dump` in its custom format when the machine
 * has one for the server's major version, otherwise in the portal's own format (`logical-backup.ts`).
 * Written beside `file` first and renamed, so a failed backup never leaves half a file under its name.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const dump = await pgTool('pg_dump', url);
  const partial = `${file}.partial`;
  try {
    if (dump) {
      const { dbname, env } = libpqConnection(url);
      await run(dump, ['--format=custom', '--file', partial, '--dbname', dbname], { env, maxBuffer: 16 * 1024 * 1024 });
    } else {
      await logicalBackup(url, partial);
    }
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, bytes: fs.statSync(file).size, tool: dump ?? LOGICAL_TOOL };
}


/** pg_dump's custom format starts with these bytes; the portal's own format is gzip's. */
const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

function formatOf(file: string): 'pg_dump' | 'logical' {
  const start = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, start, 0, start.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (start.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return 'pg_dump';
  if (start.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) return 'logical';
  throw new BackupError(`${file} is not a backup of this portal (neither pg_dump's custom format nor the portal's own)`);
}

/**
 * Restores a backup of `backupDatabase` into the database at `url`, all or nothing, by the file's own
 * format: `pg_restore` in one transaction for pg_dump's, `logicalRestore` for the portal's own (read
 * whole first, so a damaged file is refused before anything changes). A database with tables is refused
 * — restoring over it would mix two databases — unless `force`, which first drops everything in it.
 * Owners and grants are not restored: everything belongs to the user restoring, as the portal's own
 * tables do.
 */
export async function restoreDatabase(url: string, file: string, force: boolean): Promise<{ relations: number; tool: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  const format = formatOf(file);
  const header = format === 'logical' ? await checkLogicalBackup(file) : null;
  const tool = header ? LOGICAL_TOOL : await findPgTool('pg_restore', await serverMajor(url));
  await withConnection(url, async (client) => {
    const { rows: [{ n }] } = await client.query(USER_RELATIONS);
    if (n > 0 && !force) throw new BackupError(`the database is not empty (${n} tables, views and sequences): restoring into it would mix two databases. Restore into an empty one, or add --force to drop everything in it first`);
    if (n > 0) await emptyDatabase(client);
  });
  if (header) {
    await logicalRestore(url, file, header);
  } else {
    const { dbname, env } = libpqConnection(url);
    await run(tool, ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', '--no-comments', '--dbname', dbname, file], { env, maxBuffer: 16 * 1024 * 1024 });
  }
  const relations = await withConnection(url, async (client) => (await client.query(USER_RELATIONS)).rows[0].n as number);
  return { relations, tool };
}
