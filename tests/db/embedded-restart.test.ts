import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pannello-restart-'));
fs.chmodSync(dataRoot, 0o777);
const dataDir = path.join(dataRoot, 'postgres');
const port = 15000 + Math.floor(Math.random() * 20000);
const url = `postgres://postgres:postgres@127.0.0.1:${port}/pannello`;
let running: ChildProcess | null = null;
let lingering: number | null = null;

interface Started { ready: boolean; output: string }

/**
 * `npm run worker` on its own embedded database: it opens the database as `npm start` does (the
 * embedded PostgreSQL in PORTAL_DATA_DIR) and keeps it running. Resolves once it is running, or when
 * it exits having failed.
 */
function startWorker(): Promise<Started> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/worker.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', PORTAL_DATA_DIR: dataRoot, EMBEDDED_PG_PORT: String(port), DB_LOG: 'off' },
  });
  running = child;
  let output = '';
  return new Promise((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Running; Ctrl+C to stop.')) resolve({ ready: true, output });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('exit', () => resolve({ ready: false, output }));
  });
}

async function survivors(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM survivors')).rows[0].n;
  } finally {
    await client.end();
  }
}

const postmasterPid = () => Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

function childrenOf(parent: number): number[] {
  const processes = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  return processes.filter(([, ppid]) => ppid === parent).map(([pid]) => pid);
}

const descendantsOf = (pid: number): number[] => childrenOf(pid).flatMap((child) => [child, ...descendantsOf(child)]);

/** A process listed a moment ago (a backend whose client left) may be gone already. */
function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * kill -9 of the worker, its PostgreSQL and every process of them, as a power cut would. `spare`:
 * one of PostgreSQL's processes is stopped instead of killed, still holding the shared memory; returned.
 */
function crash(options: { spare?: boolean } = {}): number | null {
  const spared = options.spare ? childrenOf(postmasterPid())[0] : null;
  if (spared) kill(spared, 'SIGSTOP');
  for (const pid of [running!.pid!, ...descendantsOf(running!.pid!)]) if (pid !== spared) kill(pid, 'SIGKILL');
  return spared;
}

/** Listens on `port` as soon as the killed server's socket is gone (a SIGKILL takes effect a moment later on a busy machine). */
async function squat(port: number): Promise<net.Server> {
  for (let tries = 0; ; tries += 1) {
    const server = net.createServer((socket) => socket.destroy());
    const outcome = await new Promise<Error | null>((resolve) => {
      server.once('error', resolve);
      server.listen(port, '127.0.0.1', () => resolve(null));
    });
    if (!outcome) return server;
    if ((outcome as NodeJS.ErrnoException).code !== 'EADDRINUSE' || tries >= 100) throw outcome;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectStartedWithTheData(): Promise<void> {
  const started = await startWorker();
  if (!started.ready) throw new Error(`the worker did not start:\n${started.output}`);
  expect(await survivors()).toBe(3);
}

beforeAll(async () => {
  const first = await startWorker();
  if (!first.ready) throw new Error(first.output);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE survivors AS SELECT generate_series(1, 3) AS n');
  await client.end();
});

afterAll(async () => {
  if (lingering) kill(lingering, 'SIGKILL');
  if (running?.exitCode === null) {
    const exited = new Promise((resolve) => running!.once('exit', resolve));
    kill(-running.pid!, 'SIGTERM');
    await exited;
  }
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe('the embedded PostgreSQL, started again right after a crash', () => {
  it('starts with what was committed when the app and every process of its database were killed', async () => {
    crash();
    await expectStartedWithTheData();
  });

  it("waits while a dead server's last process still holds its shared memory", async () => {
    lingering = crash({ spare: true });
    setTimeout(() => {
      kill(lingering!, 'SIGKILL');
      lingering = null;
    }, 6000);
    await expectStartedWithTheData();
  });

  it('sets aside a lock file whose process id another process has taken since', async () => {
    crash();
    // The dead server's id, taken by some other process of the same user.
    const owner = fs.statSync(dataDir);
    const other = spawn('sleep', ['60'], { uid: owner.uid, gid: owner.gid });
    try {
      const lock = path.join(dataDir, 'postmaster.pid');
      fs.writeFileSync(lock, fs.readFileSync(lock, 'utf8').replace(/^\d+/, String(other.pid)));
      await expectStartedWithTheData();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it("says why in PostgreSQL's own words when it truly cannot start", async () => {
    crash();
    const squatter = await squat(port);
    try {
      const failed = await startWorker();
      expect(failed.ready).toBe(false);
      expect(failed.output).toMatch(/PostgreSQL did not start on port \d+[^]*could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
    } finally {
      squatter.close();
    }
    await expectStartedWithTheData();
  });
});
