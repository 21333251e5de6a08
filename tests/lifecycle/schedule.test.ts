import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { LifecycleRun, Notification } from '@/entities';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
const root = path.join(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TODAY = '2026-03-10';
const JOB = 'daily-lifecycle';
let db: DataSource;

/** `npm run worker`, as a real process; resolves once it reports the schedule in place. */
function startWorker(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [tsx, path.join(root, 'scripts', 'worker.ts')], {
    cwd: root, env: { ...process.env, DATABASE_URL: database.url(), PORTAL_TODAY: TODAY, SMTP_URL: '' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => { if (output.includes('Running;')) resolve({ child, output: () => output }); });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = TODAY;
  db = await database.db();
});

afterAll(() => { delete process.env.PORTAL_TODAY; });

describe('the daily schedule', () => {
  it('two worker processes keep one schedule at 00:05 Europe/Rome; a due occurrence runs once, and its mail is captured', async () => {
    const owner = await newAccount(db);
    await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-03-17', expiresOn: '2026-03-17' });
    const workers = await Promise.all([startWorker(), startWorker()]);
    try {
      expect(workers[0].output()).toContain('Daily lifecycle scheduled at 00:05 Europe/Rome; outbox capturing messages (no SMTP_URL)');
      expect(await db.query(`SELECT name, cron, timezone FROM pgboss.schedule`)).toEqual([{ name: JOB, cron: '5 0 * * *', timezone: 'Europe/Rome' }]);

      await promisify(execFile)(process.execPath, [tsx, path.join(__dirname, 'queue-job.ts'), JOB], { cwd: root, env: { ...process.env, DATABASE_URL: database.url() } });
      const reminder = await until(() => db.getRepository(Notification).findOneBy({ template: 'EXPIRY_REMINDER', status: 'CAPTURED' }));
      expect(reminder).toMatchObject({ toEmail: owner.account.email, subject: expect.stringContaining('7 giorni') });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await db.getRepository(LifecycleRun).findBy({})).toEqual([expect.objectContaining({ date: TODAY, reminders: 1, actorLabel: 'system' })]);
      expect(workers.map((w) => w.output()).join('')).toContain(`Lifecycle for ${TODAY}: 1 reminder(s)`);
    } finally {
      const exits = await Promise.all(workers.map(({ child }) => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); })));
      expect(exits).toEqual([0, 0]);
    }
  });
});
