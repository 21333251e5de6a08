import fs from 'node:fs';
import path from 'node:path';

const TICK_MS = 10;

/** user + system time of a process (all its threads), its name and its parent; null once it has exited. */
function processCpu(pid: number): { name: string; parent: number; ms: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(') ')), parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/** The benchmark's own PostgreSQL server (its postmaster's pid), when it is the embedded one in bench/data. */
function benchPostmaster(): number | null {
  try {
    return Number(fs.readFileSync(path.join('bench', 'data', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

/**
 * The CPU time of the benchmark's PostgreSQL processes: the postmaster and its children, so that other
 * PostgreSQL servers on a shared machine (tests running beside) are not counted; every `postgres` process
 * when the server is not the embedded one.
 */
function postgresProcesses(): Map<number, number> {
  const postmaster = benchPostmaster();
  const times = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = processCpu(Number(entry));
    if (cpu?.name !== 'postgres') continue;
    if (postmaster === null || cpu.parent === postmaster || Number(entry) === postmaster) times.set(Number(entry), cpu.ms);
  }
  return times;
}

export interface CpuSample { server: number; database: Map<number, number> }
export interface CpuUsed { serverMs: number; databaseMs: number }

/**
 * The CPU time of the server process and of the benchmark's PostgreSQL processes (its backends do the
 * queries' work). Backends that exit between two samples drop out; connections stay open while measured.
 */
export function cpuMeter(serverPid: number) {
  const sample = (): CpuSample => ({ server: processCpu(serverPid)?.ms ?? 0, database: postgresProcesses() });
  return {
    sample,
    since(before: CpuSample): CpuUsed {
      const now = sample();
      let databaseMs = 0;
      for (const [pid, ms] of now.database) databaseMs += ms - (before.database.get(pid) ?? 0);
      return { serverMs: now.server - before.server, databaseMs };
    },
  };
}
