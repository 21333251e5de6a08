import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { User } from '@/entities';
import { closeDataSource } from '@/lib/db/data-source';
import { withConnection } from '@/lib/db/pg-tools';
import { createApiToken } from '@/operations/access/api-tokens';
import { issueCreditNote } from '@/operations/billing/issue-credit-note';
import { actorForUser } from '@/operations/access/resolve-actor';
import { DEMO_LOGINS, seedDemoData } from '@/operations/demo/seed-demo-data';
import { useGraphQLServer } from '../support/api';
import { clusterUrl } from '../support/cluster';
import { useTestDatabase } from '../support/database';
import { newAdmin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
const root = path.join(__dirname, '..', '..');
const restoredName = `restored_${process.pid}_${Date.now()}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pannello-backup-'));
const file = path.join(dir, 'pannello.dump');

/** `npm run cli -- ARGS` against `url`, with `env` added to the environment. */
function cli(url: string, args: string[], env: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'cli', 'main.ts'), ...args], {
    cwd: root, env: { ...process.env, DATABASE_URL: url, ...env },
  });
}

/** Every table of every schema with its row count and an md5 of its rows, every sequence with its value, and the invoice counters. */
function snapshot(url: string) {
  return withConnection(url, async (client) => {
    const { rows: tables } = await client.query(`SELECT format('%I.%I', schemaname, tablename) AS "name" FROM pg_tables
      WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
    const counts: Record<string, number> = {};
    const contents: Record<string, string | null> = {};
    for (const { name } of tables) {
      const { rows: [row] } = await client.query(`SELECT count(*)::int AS "n", md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS "md5" FROM ${name} t`);
      counts[name] = row.n;
      // pg-boss's version row says when this installation was made and last maintained: the restore's own.
      contents[name] = name === 'pgboss.version' ? 'installation' : row.md5;
    }
    const { rows: sequences } = await client.query(`SELECT format('%I.%I', schemaname, sequencename) AS "name", last_value AS "value" FROM pg_sequences ORDER BY 1`);
    const { rows: counters } = await client.query(`SELECT "series", "year", "last_value" FROM "document_counters" ORDER BY 1, 2`);
    return { counts, contents, sequences, counters };
  });
}

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await withConnection(clusterUrl('postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
});

describe('db:backup and db:restore', () => {
  it('restore a backup into an empty database with every row, sequence and invoice counter; the portal shows the same orders and invoices', async () => {
    const db = await database.db();
    expect(await seedDemoData(db, '2026-11-29')).toBe(true);
    const customer = await db.getRepository(User).findOneByOrFail({ email: DEMO_LOGINS.customer.email });
    const { token } = await createApiToken(db, (await actorForUser(db, customer.id))!, { name: 'backup test' });
    const query = '{ orders(first: 100) { edges { node { code status totalCents } } } invoices(first: 100) { edges { node { number totalCents } } } }';
    const admin = await newAdmin(db);
    const invoiceNumber = (await api.gql('{ invoices(first: 1) { edges { node { number } } } }', {}, { token: admin.token })).body.data.invoices.edges[0].node.number;
    await issueCreditNote(db, admin.actor, { invoiceNumber, amountCents: 100, reason: 'backup test' });
    // pg-boss's schema with a queue and its schedule, as every running instance has.
    await promisify(execFile)(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'schedule-job.ts'), 'backup-test'], { cwd: root, env: { ...process.env, DATABASE_URL: database.url() } });
    const before = await api.gql(query, {}, { token });
    expect(before.body.data.orders.edges.length).toBeGreaterThan(0);
    expect(before.body.data.invoices.edges.length).toBeGreaterThan(0);

    // With pg_dump of the server's major (CI on Debian's PostgreSQL) its format; else the portal's own (the embedded PostgreSQL).
    expect((await cli(database.url(), ['db:backup', file])).stdout).toMatch(/^Backed up to .*pannello\.dump .*(pg_dump|logical backup)/);
    const restoredUrl = clusterUrl(restoredName);
    await withConnection(clusterUrl('postgres'), (client) => client.query(`CREATE DATABASE "${restoredName}"`));
    expect((await cli(restoredUrl, ['db:restore', file])).stdout).toMatch(/^Restored \d+ tables, views and sequences/);

    const original = await snapshot(database.url());
    expect(original.counters.length).toBeGreaterThan(0);
    expect(Object.keys(original.counts)).toEqual(expect.arrayContaining(['public.orders', 'public.invoices', 'public.invoice_lines', 'public.notifications', 'public.payments']));
    expect(original.counts['pgboss.schedule']).toBe(1);
    for (const table of ['orders', 'invoices', 'e_invoices', 'sdi_notifications', 'users', 'api_tokens']) expect(original.counts[`public.${table}`]).toBeGreaterThan(0);
    expect(await withConnection(database.url(), async (client) => (await client.query(`SELECT count(*)::int AS "n" FROM "invoices" WHERE "kind" = 'CREDIT_NOTE'`)).rows[0].n)).toBe(1);
    expect(await snapshot(restoredUrl)).toEqual(original);
    // The next order code takes the number the original's would have taken; the invoice counter continues from the same number.
    const expectedOrderNumber = await withConnection(database.url(), async (client) => (await client.query(`SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END::int AS "n" FROM "order_number_seq"`)).rows[0].n);
    expect(await withConnection(restoredUrl, async (client) => (await client.query(`SELECT nextval('order_number_seq')::int AS "n"`)).rows[0].n)).toBe(expectedOrderNumber);
    expect(original.counters.find(({ series }) => series === 'INVOICE')?.last_value).toBeGreaterThan(0);

    await closeDataSource();
    process.env.DATABASE_URL = restoredUrl;
    try {
      // The data: the budget left (`extensions.cost`) differs from one request to the next.
      expect((await api.gql(query, {}, { token })).body.data).toEqual(before.body.data);
    } finally {
      await closeDataSource();
      process.env.DATABASE_URL = database.url();
    }
  });

  it('refuses to restore over a database that is not empty, unless --force replaces everything in it', async () => {
    const refused = await cli(clusterUrl(restoredName), ['db:restore', file]).catch((error) => error);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^Error: the database is not empty \(\d+ tables, views and sequences\).*--force/);

    await withConnection(clusterUrl(restoredName), (client) => client.query(`DELETE FROM "invoice_lines"; CREATE TABLE "stray" ("id" int)`));
    expect((await cli(clusterUrl(restoredName), ['db:restore', file, '--force'])).stdout).toMatch(/^Restored/);
    const restored = await snapshot(clusterUrl(restoredName));
    expect(restored.counts['public.stray']).toBeUndefined();
    expect(restored).toEqual(await snapshot(database.url()));
  });

  it('refuses a truncated or damaged backup, or one from a newer version, with a clear error, and changes nothing', async () => {
    // The portal's own format, also where pg_dump is at hand: PG_BIN_DIR names a directory without it.
    const logical = path.join(dir, 'logical.dump');
    expect((await cli(database.url(), ['db:backup', logical], { PG_BIN_DIR: dir })).stdout).toMatch(/logical backup/);
    const whole = fs.readFileSync(logical);
    const truncated = path.join(dir, 'truncated.dump');
    fs.writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = path.join(dir, 'damaged.dump');
    const flipped = Buffer.from(whole);
    for (let i = Math.floor(whole.length / 2); i < Math.floor(whole.length / 2) + 16; i += 1) flipped[i] ^= 0xff;
    fs.writeFileSync(damaged, flipped);
    // The same backup, with one migration more in its header (the first frame: a 4-byte length, then JSON).
    const frames = zlib.gunzipSync(whole);
    const headerLength = frames.readUInt32BE(0);
    const header = JSON.parse(frames.subarray(4, 4 + headerLength).toString('utf8'));
    const newerHeader = Buffer.from(JSON.stringify({ ...header, migrations: [...header.migrations, 'Future1899999999999'] }));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(newerHeader.length);
    const newer = path.join(dir, 'newer.dump');
    fs.writeFileSync(newer, zlib.gzipSync(Buffer.concat([length, newerHeader, frames.subarray(4 + headerLength)])));

    const emptyName = `${restoredName}_empty`;
    await withConnection(clusterUrl('postgres'), (client) => client.query(`CREATE DATABASE "${emptyName}"`));
    try {
      for (const [bad, reason] of [[truncated, /truncated or damaged \(unexpected end of file\)/], [damaged, /truncated or damaged/], [newer, /newer version of the portal \(migrations Future1899999999999 are unknown here\)/]] as const) {
        const refused = await cli(clusterUrl(emptyName), ['db:restore', bad]).catch((error) => error);
        expect(refused.code).toBe(1);
        expect(refused.stderr.trim()).toMatch(/^Error: .* is refused, nothing was restored: /);
        expect(refused.stderr).toMatch(reason);
        const relations = await withConnection(clusterUrl(emptyName), async (client) => (await client.query(`SELECT count(*)::int AS "n" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'S', 'v') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`)).rows[0].n);
        expect(relations).toBe(0);
      }
      // Not even --force drops anything for a backup it would refuse.
      const restored = await snapshot(clusterUrl(restoredName));
      expect((await cli(clusterUrl(restoredName), ['db:restore', newer, '--force']).catch((error) => error)).code).toBe(1);
      expect(await snapshot(clusterUrl(restoredName))).toEqual(restored);
      expect(restored.counts['public.orders']).toBeGreaterThan(0);
    } finally {
      await withConnection(clusterUrl('postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`));
    }
  });
});
