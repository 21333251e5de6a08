import { getDataSource } from '@/lib/db/data-source';
import { isStopping } from '@/lib/shutdown-state';
import { MIGRATIONS } from '@/migrations';

export interface Readiness {
  ready: boolean;
  stopping: boolean;
  database: 'ok' | 'unreachable';
  /** `current` when every migration this code knows is applied (a newer schema, during a rolling deploy, is current too). */
  migrations: 'current' | 'pending' | 'unknown';
}

/** A load balancer's check fails fast rather than waiting on a database that does not answer. */
const TIMEOUT_MS = 2000;
const MIGRATION_NAMES = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Whether this instance should get traffic: not stopping, its database answering, its migrations applied. One statement. */
export async function readiness(): Promise<Readiness> {
  if (isStopping()) return { ready: false, stopping: true, database: 'ok', migrations: 'unknown' };
  try {
    const [{ applied }] = await withTimeout((async () => (await getDataSource()).query(`SELECT count(*)::int AS "applied" FROM "migrations" WHERE "name" = ANY($1)`, [MIGRATION_NAMES]))());
    const migrations = applied === MIGRATION_NAMES.length ? 'current' : 'pending';
    return { ready: migrations === 'current', stopping: false, database: 'ok', migrations };
  } catch {
    return { ready: false, stopping: false, database: 'unreachable', migrations: 'unknown' };
  }
}
