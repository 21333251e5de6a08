import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_RATE_LIMIT_POINTS } from '@/lib/config';
import { buildIfNeeded, NEXT_BIN, serverNodeOptions } from '@/lib/build';
import { cpuMeter } from './cpu';

export interface BenchServer { url: string; peakRssMb(): number; cpu: ReturnType<typeof cpuMeter>; stop(): Promise<void> }

interface NextApp {
  /** The app's folder in the project: the portal's ('.') or the baseline's. */
  app: string;
  port: number;
  /** Answered once the server is up. */
  readyPath: string;
  env: Record<string, string>;
  nodeArguments?: string[];
}

interface BenchProcess { command: string[]; cwd: string; env: Record<string, string>; port: number; readyPath: string }

/** A server in a process of its own, waited for until `readyPath` answers; its CPU time is measured apart. */
async function startProcess({ command, cwd, env, port, readyPath }: BenchProcess): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, command, { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error(`${command.join(' ')} exited`);
    const ok = await fetch(`${url}${readyPath}`, { headers: { 'apollo-require-preflight': '1' } }).then((r) => r.status < 500, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    // VmHWM: the peak resident set size of the server process since it started.
    peakRssMb: () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    cpu: cpuMeter(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** `next start` for a production build of `app`, built first when its sources changed, in a process of its own. */
function startNext({ app, port, readyPath, env, nodeArguments = [] }: NextApp, log: (line: string) => void): Promise<BenchServer> {
  const root = process.cwd();
  buildIfNeeded(root, log, app);
  return startProcess({
    command: [...nodeArguments, path.join(root, NEXT_BIN), 'start', '--port', String(port)],
    cwd: path.join(root, app),
    env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: serverNodeOptions(), ...env },
    port,
    readyPath,
  });
}

/** The portal (`next start`) on the benchmark's database. */
export function startServer(databaseUrl: string, today: string, log: (line: string) => void): Promise<BenchServer> {
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
  return startNext({
    app: '.',
    port: Number(process.env.BENCH_PORT ?? 3100),
    readyPath: '/api/graphql?query=%7B__typename%7D',
    nodeArguments: profile,
    env: {
      DATABASE_URL: databaseUrl, PORTAL_TODAY: today, PORTAL_WORKERS: 'off', NEXTAUTH_SECRET: 'bench',
      DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20', DB_LOG: 'off',
      // The load measures throughput: every request is still charged, against a budget it never exhausts.
      API_RATE_LIMIT_POINTS: String(MAX_RATE_LIMIT_POINTS),
    },
  }, log);
}

/**
 * The raw-SQL baseline (`bench/baseline`, a Next.js app of the benchmark's own, configured as the portal),
 * its route at `/clients`, beside the portal on the same database; never part of the portal's build.
 */
export function startBaseline(databaseUrl: string, log: (line: string) => void): Promise<BenchServer> {
  return startNext({
    app: path.join('bench', 'baseline'),
    port: Number(process.env.BENCH_BASELINE_PORT ?? 3101),
    readyPath: '/clients',
    env: { DATABASE_URL: databaseUrl, DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20' },
  }, log);
}

/**
 * The peer: PostGraphile 5 (`bench/peer/postgraphile-server.ts`) on the same database, with the same pool
 * size and Node.js options as the portal, its GraphQL endpoint at `/graphql`.
 */
export function startPostgraphile(databaseUrl: string): Promise<BenchServer> {
  const port = Number(process.env.BENCH_PEER_PORT ?? 3102);
  return startProcess({
    command: ['--import', 'tsx', path.join('bench', 'peer', 'postgraphile-server.ts')],
    cwd: process.cwd(),
    env: { NODE_ENV: 'production', GRAPHILE_ENV: 'production', NODE_OPTIONS: serverNodeOptions(), DATABASE_URL: databaseUrl, PORT: String(port), DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20' },
    port,
    readyPath: '/graphql',
  });
}
