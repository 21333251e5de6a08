import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@/migrations';
import { createJobsSchema, JOBS_SCHEMA } from '@/lib/jobs';
import { dataSourceOptions } from './data-source';
import { runPendingMigrations } from './migrate';
import { BackupError, emptyDatabase, withConnection } from './pg-tools';

/*
 * The portal's own backup format, for when no pg_dump of the server's major version is at hand (the
 * embedded PostgreSQL's package has none). A gzip stream (node:zlib) of frames, each a 4-byte
 * big-endian length then that many bytes:
 *   1. the header, JSON (`Header`): the applied migrations, the tables with their columns, the sequences;
 *   2. for each table of the header, in its order: its rows in COPY's binary format, in frames of any
 *      size, closed by an empty frame;
 *   3. the trailer, JSON (`Trailer`): each table's row count, which the restore checks;
 * and nothing after. The schema itself is not in the file: the restore rebuilds it with the migrations
 * the header names, so the file is only as old as the code that can still read its migrations.
 */
export const LOGICAL_FORMAT = 'pannello-logical-backup/1';
export const LOGICAL_TOOL = 'logical backup (COPY through pg-copy-streams)';

interface TableEntry { schema: string; name: string; columns: string[] }
interface SequenceEntry { schema: string; name: string; lastValue: string; isCalled: boolean }
export interface Header { format: string; createdAt: string; serverVersion: string; migrations: string[]; tables: TableEntry[]; sequences: SequenceEntry[] }
interface Trailer { rows: number[] }

const USER_SCHEMA = `n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'`;

/** Every ordinary table of the user schemas (the portal's, pg-boss's) with the columns COPY writes (generated ones are recomputed). */
const TABLES = `SELECT n.nspname AS "schema", c.relname AS "name",
    array(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum) AS "columns"
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND ${USER_SCHEMA} ORDER BY 1, 2`;

const SEQUENCES = `SELECT n.nspname AS "schema", c.relname AS "name" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind = 'S' AND ${USER_SCHEMA} ORDER BY 1, 2`;

/** pg-boss's record of its own schema's version describes the schema the restore built, not the backup's. */
const REBUILT_NOT_RESTORED = new Set([`${JOBS_SCHEMA}.version`]);

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = ({ schema, name }: { schema: string; name: string }) => `${ident(schema)}.${ident(name)}`;
const copyColumns = (table: TableEntry) => `${qualified(table)} (${table.columns.map(ident).join(', ')})`;

function frame(payload: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(payload.length);
  return Buffer.concat([length, payload]);
}

const jsonFrame = (value: unknown) => frame(Buffer.from(JSON.stringify(value)));

/** Reads the frames of a backup, failing on a file that ends early. */
class FrameReader {
  private buffered = Buffer.alloc(0);

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  private async bytes(n: number): Promise<Buffer> {
    while (this.buffered.length < n) {
      const { value, done } = await this.chunks.next();
      if (done) throw new BackupError('the file ends early: the backup is incomplete');
      this.buffered = Buffer.concat([this.buffered, value]);
    }
    const bytes = this.buffered.subarray(0, n);
    this.buffered = this.buffered.subarray(n);
    return bytes;
  }

  async frame(): Promise<Buffer> {
    return this.bytes((await this.bytes(4)).readUInt32BE(0));
  }

  async json<T>(): Promise<T> {
    try {
      return JSON.parse((await this.frame()).toString('utf8')) as T;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError('the file is damaged: a section is not what a backup holds');
    }
  }

  /** One table's rows, frame by frame, up to its closing empty frame. */
  async *table(): AsyncGenerator<Buffer> {
    for (let chunk = await this.frame(); chunk.length; chunk = await this.frame()) yield chunk;
  }

  async end(): Promise<void> {
    if (this.buffered.length || !(await this.chunks.next()).done) throw new BackupError('the file has data after its end: it is damaged');
  }
}

async function readFrames<T>(file: string, read: (reader: FrameReader, header: Header) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await pipeline(fs.createReadStream(file), zlib.createGunzip(), async (source: AsyncIterable<Buffer>) => {
    const reader = new FrameReader(source[Symbol.asyncIterator]());
    const header = await reader.json<Header>();
    if (header?.format !== LOGICAL_FORMAT) throw new BackupError(`the file is not a backup in the format ${LOGICAL_FORMAT}`);
    result = await read(reader, header);
    await reader.end();
  });
  return result as T;
}

/**
 * Reads the whole file before the database is touched: a damaged or truncated backup, or one with migrations
 * this code does not know, is refused with nothing changed (not even by --force).
 */
export async function checkLogicalBackup(file: string): Promise<Header> {
  try {
    return await readFrames(file, async (reader, header) => {
      for (const _table of header.tables) for await (const _chunk of reader.table());
      const trailer = await reader.json<Trailer>();
      if (trailer?.rows?.length !== header.tables.length) throw new BackupError('the file is damaged: its row counts do not match its tables');
      const unknown = header.migrations.filter((name) => !MIGRATIONS.some((migration) => migration.name === name));
      if (unknown.length) throw new BackupError(`it was made by a newer version of the portal (migrations ${unknown.join(', ')} are unknown here): restore it with that version`);
      return header;
    });
  } catch (error) {
    const reason = error instanceof BackupError ? error.message : `the file is truncated or damaged (${(error as Error).message})`;
    throw new BackupError(`${file} is refused, nothing was restored: ${reason}`);
  }
}

async function* backupFrames(client: pg.Client): AsyncGenerator<Buffer> {
  const { rows: [{ migrationsTable }] } = await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS "migrationsTable"`);
  const migrations = migrationsTable ? (await client.query(`SELECT "name" FROM "migrations" ORDER BY "id"`)).rows.map((row) => row.name as string) : [];
  const tables: TableEntry[] = (await client.query(TABLES)).rows;
  const sequences: SequenceEntry[] = [];
  for (const sequence of (await client.query(SEQUENCES)).rows) {
    const { rows: [state] } = await client.query(`SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(sequence)}`);
    sequences.push({ ...sequence, ...state });
  }
  const serverVersion = (await client.query('SHOW server_version')).rows[0].server_version;
  yield jsonFrame({ format: LOGICAL_FORMAT, createdAt: new Date().toISOString(), serverVersion, migrations, tables, sequences } satisfies Header);
  const rows: number[] = [];
  for (const table of tables) {
    const copy = client.query(copyTo(`COPY ${copyColumns(table)} TO STDOUT (FORMAT binary)`));
    for await (const chunk of copy) yield frame(chunk as Buffer);
    yield frame(Buffer.alloc(0));
    rows.push(copy.rowCount);
  }
  yield jsonFrame({ rows } satisfies Trailer);
}

/**
 * Writes every table's rows and every sequence's state to `partial`, all read in one REPEATABLE READ,
 * READ ONLY transaction: one consistent snapshot while the portal keeps writing.
 */
export async function logicalBackup(url: string, partial: string): Promise<void> {
  await withConnection(url, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await pipeline(Readable.from(backupFrames(client)), zlib.createGzip(), fs.createWriteStream(partial));
    // On a failure the connection is closed instead, perhaps in the middle of a COPY: that ends the transaction too.
    await client.query('COMMIT');
  });
}

/** The schema of the backup: exactly its migrations (all known here: `checkLogicalBackup`), and pg-boss's if it had one. */
async function buildSchema(url: string, header: Header): Promise<void> {
  const known = new Map(MIGRATIONS.map((migration) => [migration.name, migration]));
  const dataSource = await new DataSource({ ...dataSourceOptions(url), migrations: header.migrations.map((name) => known.get(name)!) }).initialize();
  try {
    await runPendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
  if (header.tables.some((table) => table.schema === JOBS_SCHEMA)) await createJobsSchema(url);
}

/**
 * Loads the rows of a checked backup into the schema `buildSchema` made, in one transaction: with
 * triggers and foreign keys off for its length (replica role), the rows the migrations seeded are
 * emptied, every table copied in, every sequence set. A pg-boss table the current pg-boss does not
 * have (a queue's own partition, old statistics) is left out.
 */
async function loadRows(client: pg.Client, file: string): Promise<void> {
  const { rows: existing } = await client.query(TABLES);
  const present = new Set(existing.map((table: TableEntry) => qualified(table)));
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL session_replication_role = replica');
    await readFrames(file, async (reader, header) => {
      const targets = header.tables.filter((table) => present.has(qualified(table)) && !REBUILT_NOT_RESTORED.has(`${table.schema}.${table.name}`));
      const missing = header.tables.filter((table) => table.schema !== JOBS_SCHEMA && !present.has(qualified(table)));
      if (missing.length) throw new BackupError(`the migrations did not build ${missing.map(qualified).join(', ')}: the backup does not match this version's schema`);
      if (targets.length) await client.query(`TRUNCATE ${targets.map(qualified).join(', ')}`);
      const loaded: number[] = [];
      for (const table of header.tables) {
        if (!targets.includes(table)) {
          for await (const _chunk of reader.table());
          loaded.push(-1);
          continue;
        }
        const copy = client.query(copyFrom(`COPY ${copyColumns(table)} FROM STDIN (FORMAT binary)`));
        await pipeline(Readable.from(reader.table()), copy);
        loaded.push(copy.rowCount);
      }
      const { rows } = await reader.json<Trailer>();
      const short = header.tables.filter((_table, i) => loaded[i] >= 0 && loaded[i] !== rows[i]);
      if (short.length) throw new BackupError(`the row counts of ${short.map(qualified).join(', ')} differ from the backup's`);
      for (const sequence of header.sequences) {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [qualified(sequence), sequence.lastValue, sequence.isCalled]);
      }
    });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * Restores a backup of `logicalBackup`, already read whole by `checkLogicalBackup` (so a damaged file is
 * refused before anything changes), into the empty database at `url`: the schema is built, then the rows
 * loaded. If that fails the database is emptied again, as it was.
 */
export async function logicalRestore(url: string, file: string, header: Header): Promise<void> {
  try {
    await buildSchema(url, header);
    await withConnection(url, (client) => loadRows(client, file));
  } catch (error) {
    await withConnection(url, emptyDatabase);
    throw error;
  }
}
