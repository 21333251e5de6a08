import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { User } from '@/entities';
import { closeDataSource } from '@/lib/db/data-source';
import { findPgTool, serverMajor, withConnection } from '@/lib/db/pg-tools';
import { createApiToken } from '@/operations/access/api-tokens';
import { actorForUser } from '@/operations/access/resolve-actor';
import { DEMO_LOGINS, seedDemoData } from '@/operations/demo/seed-demo-data';
import { useGraphQLServer } from '../support/api';
import { clusterUrl } from '../support/cluster';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
const api = useGraphQLServer();
const root = path.join(__dirname, '..', '..');
const restoredName = `restored_${process.pid}_${Date.now()}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pannello-backup-'));
const file = path.join(dir, 'pannello.dump');

function cli(url: string, ...args: string[]) {
  return promisify(execFile)(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: url },
  });
}

/** Every table of every schema with its row count, every sequence with its value, and the invoice counters. */
function snapshot(url: string) {
  return withConnection(url, async (client) => {
    const { rows: tables } = await client.query(`SELECT format('%I.%I', schemaname, tablename) AS "name" FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await client.query(`SELECT count(*)::int AS "n" FROM ${name}`)).rows[0].n;
    const { rows: sequences } = await client.query(`SELECT format('%I.%I', schemaname, sequencename) AS "name", last_value AS "value" FROM pg_sequences ORDER BY 1`);
    const { rows: counters } = await client.query(`SELECT "series", "year", "last_value" FROM "document_counters" ORDER BY 1, 2`);
    return { counts, sequences, counters };
  });
}

// pg_dump cannot read a server newer than itself; the embedded PostgreSQL's package has none. CI runs
// this file against Debian's PostgreSQL too, with its own client programs.
let dumpAvailable = true;
beforeAll(async () => {
  try {
    await findPgTool('pg_dump', await serverMajor(clusterUrl('postgres')));
  } catch (error) {
    dumpAvailable = false;
    console.warn(`Backup test SKIPPED: ${(error as Error).message}`);
  }
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await withConnection(clusterUrl('postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
});

describe('db:backup and db:restore', () => {
  it('restore a backup into an empty database with every row, sequence and invoice counter; the portal shows the same orders and invoices', async () => {
    if (!dumpAvailable) return;
    const db = await database.db();
    expect(await seedDemoData(db, '2026-11-29')).toBe(true);
    const customer = await db.getRepository(User).findOneByOrFail({ email: DEMO_LOGINS.customer.email });
    const { token } = await createApiToken(db, (await actorForUser(db, customer.id))!, 'backup test');
    const query = '{ orders(first: 100) { edges { node { code status totalCents } } } invoices(first: 100) { edges { node { number totalCents } } } }';
    const before = await api.gql(query, {}, { token });
    expect(before.body.data.orders.edges.length).toBeGreaterThan(0);
    expect(before.body.data.invoices.edges.length).toBeGreaterThan(0);

    expect((await cli(database.url(), 'db:backup', file)).stdout).toMatch(/^Backed up to .*pannello\.dump/);
    const restoredUrl = clusterUrl(restoredName);
    await withConnection(clusterUrl('postgres'), (client) => client.query(`CREATE DATABASE "${restoredName}"`));
    expect((await cli(restoredUrl, 'db:restore', file)).stdout).toMatch(/^Restored \d+ tables, views and sequences/);

    const original = await snapshot(database.url());
    expect(original.counters.length).toBeGreaterThan(0);
    expect(Object.keys(original.counts)).toEqual(expect.arrayContaining(['public.orders', 'public.invoices', 'public.invoice_lines', 'public.notifications', 'public.payments']));
    expect(await snapshot(restoredUrl)).toEqual(original);

    await closeDataSource();
    process.env.DATABASE_URL = restoredUrl;
    try {
      expect((await api.gql(query, {}, { token })).body).toEqual(before.body);
    } finally {
      await closeDataSource();
      process.env.DATABASE_URL = database.url();
    }
  });

  it('refuses to restore over a database that is not empty, unless --force replaces everything in it', async () => {
    if (!dumpAvailable) return;
    const refused = await cli(clusterUrl(restoredName), 'db:restore', file).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^Error: the database is not empty \(\d+ tables, views and sequences\).*--force/);

    await withConnection(clusterUrl(restoredName), (client) => client.query(`DELETE FROM "invoice_lines"; CREATE TABLE "stray" ("id" int)`));
    expect((await cli(clusterUrl(restoredName), 'db:restore', file, '--force')).stdout).toMatch(/^Restored/);
    const restored = await snapshot(clusterUrl(restoredName));
    expect(restored.counts['public.stray']).toBeUndefined();
    expect(restored).toEqual(await snapshot(database.url()));
  });
});
