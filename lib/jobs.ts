import { PgBoss } from 'pg-boss';
import { TIME_ZONE } from '@/domain/calendar';
import { logger } from './observability/logger';

/** pg-boss keeps its queues, schedules and jobs in a schema of its own, in the application's database. */
export const JOBS_SCHEMA = 'pgboss';

export interface ScheduledJob {
  name: string;
  /** A cron expression read in Europe/Rome time, e.g. `5 0 * * *` for 00:05 every day. */
  cron: string;
  run(): Promise<void>;
}

export interface Jobs {
  /** Lets a running job finish for up to `timeoutMs`, then hands it back (failed, to be retried) and stops. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Creates (or brings up to date) pg-boss's schema as `startJobs` does, without starting any of its work. */
export async function createJobsSchema(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, max: 1, supervise: false, schedule: false, application_name: 'pannello-restore' });
  await boss.start();
  await boss.stop({ graceful: false });
}

/**
 * Starts pg-boss and its cron schedules, with a worker for each job. Every instance of the app may
 * do so: pg-boss files each occurrence once, whatever the number of instances, a singleton queue lets
 * one run at a time, and an occurrence missed while no instance was up is sent once at the next start.
 * A failed run is retried with backoff.
 */
export async function startJobs(url: string, jobs: ScheduledJob[]): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: url, schema: JOBS_SCHEMA, max: 2, application_name: 'pannello-jobs' });
  boss.on('error', (error) => logger().error({ err: error }, 'scheduled jobs'));
  await boss.start();
  try {
    for (const job of jobs) {
      await boss.createQueue(job.name, { policy: 'singleton', retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 3600 });
      await boss.schedule(job.name, job.cron, null, { tz: TIME_ZONE, missed: 'once' });
      await boss.work(job.name, () => job.run());
    }
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return { stop: (timeoutMs = 30_000) => boss.stop({ graceful: true, timeout: timeoutMs }) };
}
