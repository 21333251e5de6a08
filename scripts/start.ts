/**
 * `npm start`: one command from a fresh clone to a running portal. Opens the database (the embedded
 * PostgreSQL unless DATABASE_URL is set), applies migrations, seeds an empty database with the demo
 * data, builds the app when its sources changed, serves it, and stops everything cleanly on exit.
 * `npm run dev` does the same with `next dev`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, NEXT_BIN, serverNodeOptions } from '@/lib/build';
import { today } from '@/lib/clock';
import { closeDataSource, getDataSource } from '@/lib/db/data-source';
import { DATA_DIR, handleStopSignals, openDatabase } from '@/lib/db/local-database';
import { migrate } from '@/lib/db/migrate';
import { User } from '@/entities';
import { DEMO_LOGINS, seedDemoData } from '@/operations/demo/seed-demo-data';

const root = process.cwd();
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, NEXT_BIN);
const log = (line: string) => console.log(`[pannello] ${line}`);

function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, 'nextauth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    log(`Generated a session secret in ${path.relative(root, file)}`);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function waitUntilServing(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': '1' } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not start');
}

async function main(): Promise<void> {
  const secret = sessionSecret();
  const database = await openDatabase();
  log(database.embedded ? `Embedded PostgreSQL ready (data in ${path.relative(root, DATA_DIR) || DATA_DIR}/postgres)` : 'Using DATABASE_URL');
  let child: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number, signal: NodeJS.Signals = 'SIGTERM') => {
    if (stopping) return;
    stopping = true;
    if (child?.pid && child.exitCode === null) {
      try { process.kill(-child.pid, signal); } catch { /* already gone */ }
      await new Promise((resolve) => child!.once('exit', resolve));
    }
    await database.stop();
    process.exit(code);
  };
  handleStopSignals((signal) => void stop(0, signal));

  try {
    process.env.DATABASE_URL = database.url;
    const applied = await migrate(database.url);
    if (applied.length) log(`Applied ${applied.length} migration(s)`);
    const db = await getDataSource();
    if (!(await db.getRepository(User).count())) {
      await seedDemoData(db, today());
      log('Empty database: demo data seeded');
    }
    await closeDataSource();
    if (!dev) buildIfNeeded(root, log);
  } catch (error) {
    console.error(error);
    await stop(1);
    return;
  }

  child = spawn(process.execPath, [nextBin, dev ? 'dev' : 'start', '--port', String(port)], {
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: serverNodeOptions(),
      // The server drains on SIGTERM (instrumentation.ts) instead of Next.js closing it at once.
      ...(dev ? {} : { NEXT_MANUAL_SIG_HANDLE: '1' }),
    },
  });
  child.on('exit', (code) => void stop(code ?? 1));
  await waitUntilServing(child);
  log(`Pannello Clienti is ready at http://localhost:${port}`);
  if (process.env.PORTAL_TODAY) log(`Today is fixed by PORTAL_TODAY: ${today()}`);
  log('Demo logins:');
  for (const [role, login] of Object.entries(DEMO_LOGINS)) log(`  ${role.padEnd(9)} ${login.email} / ${login.password}`);
  log(`GraphQL: http://localhost:${port}/api/graphql — press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
