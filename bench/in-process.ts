/**
 * `npx tsx bench/in-process.ts [graphql|raw] [pages]`: the tree page answered by the route handlers (the
 * portal's GraphQL route, the baseline's raw-SQL route)
 * called in this process — no HTTP, no Next.js — 20 at a time, with the CPU time, the promises and the
 * memory allocated (what garbage collection will have to handle) one page costs. BENCH_QUERY replaces
 * the GraphQL query: leaving fields out shows what each one costs.
 * Needs the dataset `npm run bench` builds.
 */
import './production-env';
import { createHook } from 'node:async_hooks';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MAX_RATE_LIMIT_POINTS } from '@/lib/config';
import { addDays } from '@/domain/calendar';
import { dataSourceOptions } from '@/lib/db/data-source';
import { rawTreePage } from './baseline/app/clients/tree-page';
import { openBenchDatabases } from './database';
import { DATASET_TODAY, SIZE } from './dataset';
import { inParallel } from './load';
import { callersFor, type Caller } from './tokens';
import { treePageInProcess } from './tree';

const CONCURRENCY = 20;

function pages(count: number, page: () => Promise<Response>): Promise<void> {
  return inParallel(Array.from({ length: count }), CONCURRENCY, async () => { await (await page()).arrayBuffer(); });
}

async function promisesPerPage(count: number, page: () => Promise<Response>): Promise<number> {
  let promises = 0;
  const hook = createHook({ init(_id, type) { if (type === 'PROMISE') promises += 1; } });
  hook.enable();
  await pages(count, page).finally(() => hook.disable());
  return promises / count;
}

interface SamplingNode { selfSize: number; children: SamplingNode[] }
const sampledBytes = (node: SamplingNode): number => node.children.reduce((sum, child) => sum + sampledBytes(child), node.selfSize);

/** The bytes one page allocates, garbage included, from V8's sampling heap profiler (an estimate, ±a few %). */
async function bytesPerPage(count: number, page: () => Promise<Response>): Promise<number> {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await pages(count, page);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  return sampledBytes(profile.head as SamplingNode) / count;
}

async function main(): Promise<void> {
  const variant = process.argv[2] ?? 'graphql';
  const count = Number(process.argv[3] ?? 3000);
  Object.assign(process.env, {
    PORTAL_TODAY: addDays(DATASET_TODAY, 10), DB_LOG: 'off', PORTAL_WORKERS: 'off', DB_POOL_SIZE: '20', API_RATE_LIMIT_POINTS: String(MAX_RATE_LIMIT_POINTS),
  });
  const databases = await openBenchDatabases(console.log);
  try {
    process.env.DATABASE_URL = await databases.freshRunCopy(SIZE.services);
    const db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL)).initialize();
    const resellers = await callersFor(db, Array.from({ length: SIZE.resellers }, (_, i) => `account${i + 1}@bench.test`)).finally(() => db.destroy());
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    const pick = (): Caller => resellers[Math.floor(Math.random() * resellers.length)];
    const page = variant === 'raw'
      ? () => rawTreePage(pool, new Request('http://bench/clients', { headers: { authorization: `Bearer ${pick().token}` } }))
      : () => treePageInProcess(pick(), process.env.BENCH_QUERY);
    await pages(500, page);
    const promises = await promisesPerPage(200, page);
    const bytes = await bytesPerPage(300, page);
    const before = process.cpuUsage();
    await pages(count, page);
    const cpu = process.cpuUsage(before);
    console.log(`${variant}: ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms of CPU per page (system ${(cpu.system / 1000 / count).toFixed(3)}), ${promises.toFixed(0)} promises and ${(bytes / 1e6).toFixed(2)} MB allocated per page`);
  } finally {
    await databases.stop();
  }
  process.exit(0);
}

main().catch((error) => { console.error(error); process.exit(1); });
