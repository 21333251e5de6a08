import { DataSource } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import { dataSourceOptions } from '@/lib/db/data-source';
import type { LifecycleBench } from './lifecycle';
import { lifecycleAgainstRawSql } from './lifecycle';
import type { PageFigures } from './pages';
import { pagesUnderLoad, pageSubjects } from './pages';
import { startBaseline, startPostgraphile, startServer } from './server';
import { callersFor } from './tokens';
import type { TreeLoad } from './tree';
import { treeUnderLoad } from './tree';

/** The tree page, the schedule page and the daily run on one dataset. */
export interface GrowthPoint {
  services: number;
  treePerSecond: number; treeP95Ms: number; treeServerCpuMs: number; treeDatabaseCpuMs: number; treeVsRawSql: number;
  schedulePagePerSecond: number; schedulePageP95Ms: number; schedulePageServerCpuMs: number; schedulePageDatabaseCpuMs: number;
  lifecycleDaySeconds: number;
  /** What the day's run had to do: services deactivated and reminders written. */
  lifecycleDue: number;
}
export interface Growth { points: GrowthPoint[] }

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round = (value: number) => Number(value.toFixed(2));

export function growthPoint(services: number, tree: TreeLoad, schedule: PageFigures, lifecycle: LifecycleBench): GrowthPoint {
  const point = {
    services,
    treePerSecond: tree.graphql.requests / tree.graphql.seconds, treeP95Ms: tree.p95Ms, treeServerCpuMs: tree.graphqlCpuMs, treeDatabaseCpuMs: tree.graphqlDatabaseCpuMs, treeVsRawSql: tree.throughputRatio,
    schedulePagePerSecond: schedule.pagePerSecond, schedulePageP95Ms: schedule.pageP95Ms, schedulePageServerCpuMs: schedule.pageServerCpuMs, schedulePageDatabaseCpuMs: schedule.pageDatabaseCpuMs,
    lifecycleDaySeconds: mean(lifecycle.daySeconds),
    lifecycleDue: mean(lifecycle.counts.map((c) => c.deactivations + c.reminders)),
  };
  return Object.fromEntries(Object.entries(point).map(([key, value]) => [key, key === 'services' ? value : round(value)])) as unknown as GrowthPoint;
}

/**
 * The same three measurements on a larger dataset (`url`), shorter than the main run's: two rounds of the
 * tree, two of the schedule page, one day of the lifecycle.
 */
export async function measureGrowthPoint(url: string, today: CalendarDate, lifecycleDay: CalendarDate, resellerEmails: string[], log: (line: string) => void): Promise<GrowthPoint> {
  const db = await new DataSource({ ...dataSourceOptions(url), extra: { max: 20 } }).initialize();
  try {
    const resellers = await callersFor(db, resellerEmails);
    const [schedule] = await pageSubjects(db, ['schedule']);
    const server = await startServer(url, today, log);
    const [baseline, peer] = [await startBaseline(url, log), await startPostgraphile(url)];
    try {
      const tree = await treeUnderLoad({ graphql: server, raw: baseline, postgraphile: peer }, resellers, 20, 2, 10, log);
      await Promise.all([baseline.stop(), peer.stop()]);
      const pages = await pagesUnderLoad(server, [schedule], 20, 2, 5, log);
      await server.stop();
      const lifecycle = await lifecycleAgainstRawSql(db, lifecycleDay, 1, log);
      const services: number = (await db.query(`SELECT count(*)::int AS n FROM services`))[0].n;
      return growthPoint(services, tree, pages.schedule, lifecycle);
    } finally {
      await Promise.all([server.stop(), baseline.stop(), peer.stop()]);
    }
  } finally {
    await db.destroy();
  }
}

export function describeGrowth({ points }: Growth): string {
  return `Growth: ${points.map((p) => `at ${p.services.toLocaleString('en')} services the tree ${p.treePerSecond}/s p95 ${p.treeP95Ms} ms (CPU ${p.treeServerCpuMs} + ${p.treeDatabaseCpuMs} ms, ${p.treeVsRawSql}× raw), the schedule page ${p.schedulePagePerSecond}/s p95 ${p.schedulePageP95Ms} ms (CPU ${p.schedulePageServerCpuMs} + ${p.schedulePageDatabaseCpuMs} ms), a day of the lifecycle ${p.lifecycleDaySeconds} s for ${p.lifecycleDue} services due`).join('; ')}.`;
}
