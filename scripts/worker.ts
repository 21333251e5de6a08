/**
 * `npm run worker`: the background work (the daily lifecycle on its schedule, the outbox's delivery)
 * in a process of its own, against the same database as the server. Any number may run beside the
 * servers, which start the same work themselves unless PORTAL_WORKERS=off.
 */
import { handleStopSignals, openDatabase } from '@/lib/db/local-database';
import { migrate } from '@/lib/db/migrate';
import { startBackgroundWork } from '@/operations/lifecycle/background';

const log = (line: string) => console.log(`[pannello-worker] ${line}`);

async function main(): Promise<void> {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  await migrate(database.url);
  const work = await startBackgroundWork(database.url, log);
  log('Running; Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await work.stop();
    await database.stop();
    process.exit(0);
  };
  handleStopSignals(() => void stop());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
