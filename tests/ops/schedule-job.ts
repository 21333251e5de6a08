/** `tsx tests/ops/schedule-job.ts NAME`: pg-boss's schema in DATABASE_URL with one queue and its yearly schedule, as an instance leaves it. */
import { startJobs } from '@/lib/jobs';

async function main(): Promise<void> {
  const jobs = await startJobs(process.env.DATABASE_URL!, [{ name: process.argv[2], cron: '0 3 1 1 *', run: async () => undefined }]);
  await jobs.stop(1000);
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
