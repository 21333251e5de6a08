/**
 * `npm run bench`: the client tree, the daily lifecycle and quote confirmation on a dataset of a
 * million services, each measured side by side with hand-written SQL in the same run. Writes
 * bench/results.json and bench/RESULTS.md.
 */
import os from 'node:os';
import { DataSource } from 'typeorm';
import { addDays } from '@/domain/calendar';
import { dataSourceOptions } from '@/lib/db/data-source';
import { migrate } from '@/lib/db/migrate';
import { seedCatalog } from '@/operations/catalog/seed-catalog';
import { prepareQuotes, confirmUnderLoad } from './confirm';
import { openBenchDatabases } from './database';
import { buildDataset, DATASET_TODAY, SIZE } from './dataset';
import { lifecycleAgainstRawSql } from './lifecycle';
import { writeResults } from './results';
import { startBaseline, startServer, type BenchServer } from './server';
import { callersFor } from './tokens';
import { statementsPerTreePage, treeUnderLoad } from './tree';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const TODAY = addDays(DATASET_TODAY, 10);
const QUICK = process.argv.includes('--quick');
// `--only=tree` (or confirm, lifecycle, or several: `--only=tree,confirm`) measures those parts and writes no
// results: for investigating.
const ONLY = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const wanted = (part: string) => !ONLY || ONLY.includes(part);

async function main(): Promise<void> {
  process.env.PORTAL_TODAY = TODAY;
  process.env.DB_LOG = 'off';
  const databases = await openBenchDatabases(log);
  try {
    await migrate(databases.baseUrl);
    await seedBase(databases.baseUrl);
    await buildDataset(databases.baseUrl, log);
    log('Copying the dataset for this run…');
    const url = await databases.freshRunCopy();
    process.env.DATABASE_URL = url;
    await measure(url);
  } finally {
    await databases.stop();
  }
}

async function seedBase(url: string): Promise<void> {
  const db = await new DataSource(dataSourceOptions(url)).initialize();
  await seedCatalog(db).finally(() => db.destroy());
}

async function measure(url: string): Promise<void> {
  const db = await new DataSource({ ...dataSourceOptions(url), extra: { max: 20 } }).initialize();
  try {
    log('Client tree: statements per page');
    const resellers = await callersFor(db, Array.from({ length: SIZE.resellers }, (_, i) => `account${i + 1}@bench.test`));
    const treeQuerySqlStatements = await statementsPerTreePage(resellers[0]);
    log(`  ${treeQuerySqlStatements} statements for 50 clients with their services and domains`);

    const customerEmails = Array.from({ length: !wanted('confirm') ? 0 : QUICK ? 32 : 256 }, (_, i) => `account${SIZE.resellers + SIZE.clients + 1 + i}@bench.test`);
    const customers = await callersFor(db, customerEmails);
    const pending = customers.length ? await prepareQuotes(db, customers, TODAY) : [];
    if (pending.length) log(`  ${pending.length} quotes ready for ${customers.length} customers`);

    log('Starting next start on the dataset…');
    const server = await startServer(url, TODAY, log);
    let baseline: BenchServer | null = null;
    try {
      if (wanted('tree')) baseline = await startBaseline(url, log);
      log('Client tree over HTTP, 20 concurrent clients, GraphQL and raw SQL alternating');
      const tree = baseline ? await treeUnderLoad({ graphql: server, raw: baseline }, resellers, 20, QUICK ? 2 : 4, QUICK ? 5 : 10, log) : null;
      await baseline?.stop();
      log(`confirmQuote over HTTP, 32 concurrent customers (${pending.length} quotes)`);
      const confirm = wanted('confirm') ? await confirmUnderLoad(server, pending, 32, 300) : null;
      if (confirm) log(`  ${confirm.confirmed} confirmed, ${confirm.errors} errors, ${confirm.perSecond.toFixed(0)}/s, CPU ${confirm.cpuMs.toFixed(2)} ms in the server and ${confirm.databaseCpuMs.toFixed(2)} ms in PostgreSQL each`);
      const peakRssMb = server.peakRssMb();
      await server.stop();

      log('Daily lifecycle over the whole dataset, alternating with the raw SQL pass');
      const lifecycle = wanted('lifecycle') ? await lifecycleAgainstRawSql(db, addDays(DATASET_TODAY, 0), QUICK ? 1 : 3, log) : null;
      const services: number = (await db.query(`SELECT count(*)::int AS n FROM services`))[0].n;
      log(`Server peak RSS: ${peakRssMb.toFixed(0)} MB`);
      if (tree && confirm && lifecycle) writeResults({ tree, treeQuerySqlStatements, confirm, lifecycle, peakRssMb, services, machine: machine() }, log);
    } finally {
      await Promise.all([server.stop(), baseline?.stop()]);
    }
  } finally {
    await db.destroy();
  }
}

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

export type Machine = ReturnType<typeof machine>;
