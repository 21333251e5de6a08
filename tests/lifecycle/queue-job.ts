/** `tsx tests/lifecycle/queue-job.ts NAME`: queues one pg-boss job in DATABASE_URL, as the schedule does at its hour. */
import { PgBoss } from 'pg-boss';
import { JOBS_SCHEMA } from '@/lib/jobs';

async function main(): Promise<void> {
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: JOBS_SCHEMA, schedule: false, supervise: false, migrate: false });
  await boss.start();
  await boss.send(process.argv[2]);
  await boss.stop({ graceful: false });
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
