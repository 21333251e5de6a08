import { DataSource } from 'typeorm';
import { today } from '@/lib/clock';
import { supportSmtpPort } from '@/lib/config';
import { dataSourceOptions } from '@/lib/db/data-source';
import { eInvoiceTransportFromEnv } from '@/lib/einvoice/settings';
import { startJobs } from '@/lib/jobs';
import { mailerFromEnv } from '@/lib/mailer';
import { startEInvoiceWorker } from '../einvoices/transmit-e-invoices';
import { watchPool } from '@/lib/observability/database-metrics';
import { logger } from '@/lib/observability/logger';
import { startOutboxWorker } from '../notifications/outbox-worker';
import { startReplyListener, type ReplyListener } from '../tickets/reply-listener';
import { startWebhookWorker } from '../webhooks/deliver-webhooks';
import { runLifecycle, runSummary } from './run-lifecycle';

export const LIFECYCLE_JOB = 'daily-lifecycle';
/** Every day at 00:05, Europe/Rome. */
export const LIFECYCLE_CRON = '5 0 * * *';

export interface BackgroundWork {
  /** Finishes the work in hand (a running job for up to `timeoutMs`, the outbox's batch) and closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The support mail listener on SUPPORT_SMTP_PORT, when set. Of several processes on one machine the first
 * to start listens; the others leave it to that one.
 */
async function startSupportMail(db: DataSource, log: (line: string) => void): Promise<ReplyListener | null> {
  const port = supportSmtpPort();
  if (port === null) return null;
  try {
    const listener = await startReplyListener(db, port);
    log(`Support replies received by SMTP on port ${listener.port}`);
    return listener;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    log(`Support replies: port ${port} already has a listener (another process of the portal)`);
    return null;
  }
}

/**
 * What runs beside the portal, or in a process of its own (`npm run worker`): the daily lifecycle on
 * its schedule, the outbox's delivery, the e-invoices' transmission, the webhooks' delivery and the support mail listener. It has its own small connection
 * pool. The scheduled run is for today: a run catches up everything due on or before its date, so days missed while nothing ran
 * are caught up by it too.
 */
export async function startBackgroundWork(url: string, log = (line: string) => logger().info(line)): Promise<BackgroundWork> {
  // A channel configured wrong stops the start here, before anything runs.
  const transport = eInvoiceTransportFromEnv();
  const db = await new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } }).initialize();
  watchPool('background', db);
  const mailer = mailerFromEnv();
  const outbox = startOutboxWorker(db, mailer);
  const eInvoices = startEInvoiceWorker(db, transport);
  const webhooks = startWebhookWorker(db);
  let supportMail: ReplyListener | null = null;
  const stopWorkers = () => Promise.all([outbox.stop(), eInvoices.stop(), webhooks.stop(), supportMail?.stop()]);
  try {
    supportMail = await startSupportMail(db, log);
    const jobs = await startJobs(url, [{
      name: LIFECYCLE_JOB,
      cron: LIFECYCLE_CRON,
      async run() {
        const run = await runLifecycle(db, null, today());
        log(runSummary(run));
        outbox.wake();
        webhooks.wake();
      },
    }]);
    log(`Daily lifecycle scheduled at 00:05 Europe/Rome; outbox ${mailer ? 'delivering through SMTP_URL' : 'capturing messages (no SMTP_URL)'}; e-invoices ${transport.name === 'pec' ? `sent by PEC to ${transport.sdiAddress}` : 'captured for the back office (EINVOICE_CHANNEL=capture)'}`);
    return {
      async stop(timeoutMs) {
        await Promise.all([jobs.stop(timeoutMs), stopWorkers()]);
        await db.destroy();
      },
    };
  } catch (error) {
    await stopWorkers();
    await db.destroy();
    throw error;
  }
}
