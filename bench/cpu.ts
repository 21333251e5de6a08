import fs from 'node:fs';

const TICK_MS = 10;

/** user + system time of a process (all its threads) and its name, from /proc; null once it has exited. */
function processCpu(pid: number): { name: string; ms: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(') ')), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

function postgresProcesses(): Map<number, number> {
  const times = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cpu = processCpu(Number(entry));
    if (cpu?.name === 'postgres') times.set(Number(entry), cpu.ms);
  }
  return times;
}

export interface CpuSample { server: number; database: Map<number, number> }
export interface CpuUsed { serverMs: number; databaseMs: number }

/**
 * The CPU time of the server process and of PostgreSQL's processes on this machine (its backends do
 * the queries' work). Backends that exit between two samples drop out; connections stay open while measured.
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
