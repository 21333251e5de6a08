/**
 * `npm run bench`: on a dataset of a million services, the client tree against hand-written SQL and
 * PostGraphile, the portal's pages against their API queries, confirming quotes and recording payments
 * against hand-written SQL transactions, and the daily lifecycle against a hand-written SQL pass, each
 * side by side in the same run. Writes bench/results.json and bench/RESULTS.md.
 */
import os from 'node:os';
import { DataSource } from 'typeorm';
import { addDays, yearOf } from '@/domain/calendar';
import { dataSourceOptions } from '@/lib/db/data-source';
import { migrate } from '@/lib/db/migrate';
import { seedCatalog } from '@/operations/catalog/seed-catalog';
import { confirmAgainstRawSql, invoiceNumbersContiguous, paymentsAgainstRawSql, prepareQuotes, type AgainstRawSql } from './confirm';
import { openBenchDatabases, type BenchDatabases } from './database';
import { buildDataset, DATASET_TODAY, datasetSize, SIZE, type DatasetSize } from './dataset';
import { growthPoint, measureGrowthPoint, type Growth } from './growth';
import { lifecycleAgainstRawSql } from './lifecycle';
import { pagesUnderLoad, pageSubjects } from './pages';
import { writeResults, type Measured } from './results';
import { startBaseline, startPostgraphile, startServer } from './server';
import { callersFor, type Caller } from './tokens';
import { statementsPerTreePage, treeUnderLoad } from './tree';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const TODAY = addDays(DATASET_TODAY, 10);
const QUICK = process.argv.includes('--quick');
// `--only=tree` (or pages, confirm — the quotes and the payments —, lifecycle, or several: `--only=tree,confirm`)
// measures those parts and writes no results: for investigating. `--services=50000` works on a smaller dataset.
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const wanted = (part: string) => !ONLY || ONLY.includes(part);
// `--scale=5`: also measures on a dataset five times the size, side by side.
const SCALE = Number(process.argv.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length) ?? 1);

async function main(): Promise<void> {
  process.env.PORTAL_TODAY = TODAY;
  process.env.DB_LOG = 'off';
  const databases = await openBenchDatabases(log);
  try {
    await datasetBase(databases, SIZE);
    log('Copying the dataset for this run…');
    const url = await databases.freshRunCopy(SIZE.services);
    process.env.DATABASE_URL = url;
    const measured = await measure(url);
    if (measured && SCALE > 1) measured.growth = await growth(databases, measured, log);
    if (measured && !ONLY) writeResults(measured, log);
  } finally {
    await databases.stop();
  }
}

/** The base database of a dataset of `size`, migrated, seeded and built. */
async function datasetBase(databases: BenchDatabases, size: DatasetSize): Promise<string> {
  const baseUrl = await databases.baseUrl(size.services);
  await migrate(baseUrl);
  await seedBase(baseUrl);
  await buildDataset(baseUrl, log, size);
  return baseUrl;
}

/** `--scale=5`: the tree, the schedule page and the daily run again on a dataset five times the size. */
async function growth(databases: BenchDatabases, measured: Measured, log: (line: string) => void): Promise<Growth> {
  const size = datasetSize(SIZE.services * SCALE);
  log(`Growth: a dataset of ${size.services.toLocaleString('en')} services`);
  await datasetBase(databases, size);
  const url = await databases.freshRunCopy(size.services);
  const larger = await measureGrowthPoint(url, TODAY, DATASET_TODAY, Array.from({ length: size.resellers }, (_, i) => `account${i + 1}@bench.test`), log);
  return { points: [growthPoint(measured.services, measured.tree, measured.pages.schedule, measured.lifecycle), larger] };
}

async function seedBase(url: string): Promise<void> {
  const db = await new DataSource(dataSourceOptions(url)).initialize();
  await seedCatalog(db).finally(() => db.destroy());
}

/** The back office's login, made for the run (an API token is how the benchmark calls it). */
async function backOffice(db: DataSource): Promise<Caller> {
  await db.query(`INSERT INTO users (email, password_hash, role) VALUES ('admin@bench.test', 'not-a-hash', 'ADMIN') ON CONFLICT DO NOTHING`);
  return (await callersFor(db, ['admin@bench.test']))[0];
}

async function measure(url: string): Promise<Measured | null> {
  const db = await new DataSource({ ...dataSourceOptions(url), extra: { max: 20 } }).initialize();
  try {
    log('Client tree: statements per page');
    const resellers = await callersFor(db, Array.from({ length: SIZE.resellers }, (_, i) => `account${i + 1}@bench.test`));
    const treeQuerySqlStatements = await statementsPerTreePage(resellers[0]);
    log(`  ${treeQuerySqlStatements} statements for 50 clients with their services and domains`);

    const writes = wanted('confirm');
    const customerEmails = Array.from({ length: !writes && !wanted('pages') ? 0 : QUICK ? 32 : 256 }, (_, i) => `account${SIZE.resellers + SIZE.clients + 1 + i}@bench.test`);
    const customers = await callersFor(db, customerEmails);
    const pending = customers.length ? await prepareQuotes(db, customers, TODAY) : [];
    if (pending.length) log(`  ${pending.length} quotes ready for ${customers.length} customers`);
    const admin = await backOffice(db);

    log('Starting next start on the dataset…');
    const server = await startServer(url, TODAY, log);
    const baseline = wanted('tree') || writes ? await startBaseline(url, log) : null;
    const peer = wanted('tree') ? await startPostgraphile(url) : null;
    try {
      log('Client tree over HTTP, 20 concurrent clients: GraphQL, raw SQL and PostGraphile alternating');
      const tree = baseline && peer ? await treeUnderLoad({ graphql: server, raw: baseline, postgraphile: peer }, resellers, 20, QUICK ? 2 : 4, QUICK ? 5 : 10, log) : null;
      await peer?.stop();
      log('Portal pages over HTTP with a signed-in session, 20 concurrent clients, each against its API query');
      const pages = wanted('pages') ? await pagesUnderLoad(server, await pageSubjects(db), 20, QUICK ? 1 : 3, 5, log) : null;
      log(`confirmQuote over HTTP, 32 concurrent customers (${pending.length} quotes), against raw SQL`);
      const confirm = writes && baseline ? await confirmAgainstRawSql({ graphql: server, raw: baseline }, pending, 32, QUICK ? 50 : 150) : null;
      if (confirm) log(`  ${describeWrites(confirm)}`);
      log('recordOfflinePayment over HTTP, 32 concurrent, against raw SQL');
      const payments = writes && baseline ? await paymentsAgainstRawSql({ graphql: server, raw: baseline }, db, admin, 32, QUICK ? 50 : 150) : null;
      if (payments) log(`  ${describeWrites(payments)}`);
      const contiguous = await invoiceNumbersContiguous(db, yearOf(TODAY));
      log(`  invoice numbers of ${yearOf(TODAY)} ${contiguous ? 'contiguous' : 'NOT contiguous'}`);
      const peakRssMb = server.peakRssMb();
      await Promise.all([server.stop(), baseline?.stop()]);

      log('Daily lifecycle over the whole dataset, alternating with the raw SQL pass');
      const lifecycle = wanted('lifecycle') ? await lifecycleAgainstRawSql(db, addDays(DATASET_TODAY, 0), QUICK ? 1 : 3, log) : null;
      const services: number = (await db.query(`SELECT count(*)::int AS n FROM services`))[0].n;
      log(`Server peak RSS: ${peakRssMb.toFixed(0)} MB`);
      if (!tree || !pages || !confirm || !payments || !lifecycle) return null;
      return { tree, treeQuerySqlStatements, pages, confirm, payments, invoiceNumbersContiguous: contiguous, lifecycle, peakRssMb, services, machine: machine() };
    } finally {
      await Promise.all([server.stop(), baseline?.stop(), peer?.stop()]);
    }
  } finally {
    await db.destroy();
  }
}

const describeWrites = ({ graphql, raw, ratio }: AgainstRawSql) => `GraphQL ${graphql.confirmed} in ${graphql.seconds.toFixed(1)} s, ${graphql.perSecond.toFixed(0)}/s, ${graphql.errors} errors, CPU ${graphql.cpuMs.toFixed(2)} + ${graphql.databaseCpuMs.toFixed(2)} ms each · raw SQL ${raw.confirmed} in ${raw.seconds.toFixed(1)} s, ${raw.perSecond.toFixed(0)}/s, ${raw.errors} errors, CPU ${raw.cpuMs.toFixed(2)} + ${raw.databaseCpuMs.toFixed(2)} ms each · ${ratio.toFixed(2)}×`;

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

export type Machine = ReturnType<typeof machine>;
