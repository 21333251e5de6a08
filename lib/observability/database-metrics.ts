import type { Pool } from 'pg';
import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { getDataSource } from '@/lib/db/data-source';
import { logger } from './logger';

/**
 * Every outbox a worker delivers from: its table, the predicate of a message still waiting to go, and
 * the column saying when it was queued. One line adds another (the e-invoice transmissions, webhooks);
 * the predicate should match a partial index, since it is counted at every scrape.
 */
export const OUTBOXES: readonly { name: string; table: string; pending: string; queuedAt: string }[] = [
  { name: 'email', table: 'notifications', pending: `"status" = 'PENDING'`, queuedAt: 'created_at' },
  { name: 'e-invoice', table: 'e_invoices', pending: `"status" = 'TO_SEND'`, queuedAt: 'created_at' },
  { name: 'webhook', table: 'webhook_deliveries', pending: `"status" = 'PENDING'`, queuedAt: 'created_at' },
];

// Pools other than the server's own (getDataSource), e.g. the background work's.
const holder = globalThis as typeof globalThis & { __pannelloPools?: Map<string, DataSource> };
const pools = (holder.__pannelloPools ??= new Map<string, DataSource>());

/** Reports this DataSource's connection pool under `name` until it is destroyed. */
export function watchPool(name: string, dataSource: DataSource): void {
  pools.set(name, dataSource);
}

/** TypeORM's PostgresDriver keeps its pg Pool as `master` (checked in tests/contracts/typeorm.test.ts). */
function poolOf(dataSource: DataSource): Pool & { options: { max: number } } {
  return (dataSource.driver as unknown as { master: Pool & { options: { max: number } } }).master;
}

function outboxQuery(): string {
  return OUTBOXES.map(({ name, table, pending, queuedAt }) => `SELECT '${name}' AS "outbox", count(*)::int AS "backlog",
      coalesce(extract(epoch FROM now() - min("${queuedAt}")), 0)::float8 AS "oldestSeconds" FROM "${table}" WHERE ${pending}`).join(' UNION ALL ');
}

const LAST_RUN = `SELECT "date", "duration_ms" AS "durationMs", "reminders", "deactivations", "cancelled_orders" AS "cancelledOrders", "finished_at" AS "finishedAt"
  FROM "lifecycle_runs" ORDER BY "started_at" DESC LIMIT 1`;

/**
 * A gauge read from the database at each scrape; a failed read leaves it empty and is logged, the
 * scrape goes on.
 */
function databaseGauge<L extends string>(registry: Registry, name: string, help: string, labelNames: L[], read: (gauge: Gauge<L>, db: DataSource) => Promise<void>): void {
  new Gauge<L>({
    name, help, labelNames, registers: [registry],
    async collect() {
      this.reset();
      try {
        await read(this, await getDataSource());
      } catch (error) {
        logger().warn({ err: error, metric: name }, 'metric not collected');
      }
    },
  });
}

/** One query for the gauges of a scrape: prom-client collects them all at once, so they ask while it runs. */
function sharedRead<T>(query: (db: DataSource) => Promise<T>): (db: DataSource) => Promise<T> {
  let running: Promise<T> | undefined;
  return (db) => (running ??= query(db).finally(() => { running = undefined; }));
}

interface Backlog { outbox: string; backlog: number; oldestSeconds: number }
interface LastRun { date: string; durationMs: number; reminders: number; deactivations: number; cancelledOrders: number; finishedAt: Date }

/** Pool usage, outbox backlogs and the last daily run, read when Prometheus scrapes. */
export function registerDatabaseMetrics(registry: Registry): void {
  const usedPools = (db: DataSource) => [['app', db] as const, ...pools].filter(([, dataSource]) => dataSource.isInitialized);
  databaseGauge(registry, 'pannello_db_pool_connections', 'Connections of each of this process\'s pools, by state: busy, idle, and the pool\'s max', ['pool', 'state'], async (gauge, db) => {
    for (const [pool, dataSource] of usedPools(db)) {
      const { totalCount, idleCount, options } = poolOf(dataSource);
      gauge.set({ pool, state: 'busy' }, totalCount - idleCount);
      gauge.set({ pool, state: 'idle' }, idleCount);
      gauge.set({ pool, state: 'max' }, options.max);
    }
  });
  databaseGauge(registry, 'pannello_db_pool_waiting_requests', 'Queries waiting for a free connection, by pool', ['pool'], async (gauge, db) => {
    for (const [pool, dataSource] of usedPools(db)) gauge.set({ pool }, poolOf(dataSource).waitingCount);
  });

  const backlogs = sharedRead((db): Promise<Backlog[]> => db.query(outboxQuery()));
  databaseGauge(registry, 'pannello_outbox_backlog_messages', 'Messages waiting to be delivered, by outbox', ['outbox'], async (gauge, db) => {
    for (const row of await backlogs(db)) gauge.set({ outbox: row.outbox }, row.backlog);
  });
  databaseGauge(registry, 'pannello_outbox_oldest_message_age_seconds', 'Age of the oldest message waiting to be delivered, by outbox (0 when none waits)', ['outbox'], async (gauge, db) => {
    for (const row of await backlogs(db)) gauge.set({ outbox: row.outbox }, row.oldestSeconds);
  });

  const lastRun = sharedRead(async (db): Promise<LastRun | undefined> => (await db.query(LAST_RUN))[0]);
  const runGauge = (name: string, help: string, value: (run: LastRun) => number) => databaseGauge(registry, name, help, [], async (gauge, db) => {
    const run = await lastRun(db);
    if (run) gauge.set(value(run));
  });
  runGauge('pannello_lifecycle_last_run_date_timestamp_seconds', 'The day the last daily lifecycle run was for (its 00:00 UTC, Unix seconds)', (run) => Date.parse(`${run.date}T00:00:00Z`) / 1000);
  runGauge('pannello_lifecycle_last_run_finished_timestamp_seconds', 'When the last daily lifecycle run finished (Unix seconds)', (run) => new Date(run.finishedAt).getTime() / 1000);
  runGauge('pannello_lifecycle_last_run_duration_seconds', 'How long the last daily lifecycle run took', (run) => run.durationMs / 1000);
  databaseGauge(registry, 'pannello_lifecycle_last_run_items', 'What the last daily lifecycle run did: reminders queued, services deactivated, orders cancelled', ['kind'], async (gauge, db) => {
    const run = await lastRun(db);
    if (!run) return;
    gauge.set({ kind: 'reminders' }, run.reminders);
    gauge.set({ kind: 'deactivations' }, run.deactivations);
    gauge.set({ kind: 'cancelled_orders' }, run.cancelledOrders);
  });
}
