import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, NEXT_BIN, serverNodeOptions } from '@/lib/build';
import { cpuMeter } from './cpu';

export interface BenchServer { url: string; peakRssMb(): number; cpu: ReturnType<typeof cpuMeter>; stop(): Promise<void> }

/** `next start` on the benchmark's database, with the raw-SQL baseline route switched on. */
export async function startServer(databaseUrl: string, today: string, log: (line: string) => void): Promise<BenchServer> {
  const root = process.cwd();
  buildIfNeeded(root, log);
  const port = Number(process.env.BENCH_PORT ?? 3100);
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, NEXT_BIN), 'start', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORTAL_TODAY: today, NODE_ENV: 'production', BENCH_RAW_ROUTE: '1', PORTAL_WORKERS: 'off',
      NEXTAUTH_SECRET: 'bench', DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '20', DB_LOG: 'off', NEXT_TELEMETRY_DISABLED: '1',
      NODE_OPTIONS: serverNodeOptions(),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (child.exitCode !== null) throw new Error('next start exited');
    const ok = await fetch(`${url}/api/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': '1' } }).then((r) => r.ok, () => false);
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
