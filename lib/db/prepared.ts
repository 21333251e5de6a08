import type { Pool, PoolClient } from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/**
 * Runs a hand-written statement prepared under `name`: each pooled connection has PostgreSQL parse and
 * plan it once (a generic plan from the sixth run) instead of on every request — for statements on
 * every request's path, where planning costs more than running. A name stands for one text. On a
 * transaction's manager it runs in that transaction; errors come as TypeORM's, like `query()`'s.
 */
export async function queryPrepared<T>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = 'queryRunner' in on ? on.queryRunner : undefined;
  const dataSource = 'driver' in on ? on : on.dataSource;
  // Without a transaction, the driver's pool (TypeORM's PostgresDriver keeps it as `master`).
  const client: Pool | PoolClient = runner ? await runner.connect() : (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await client.query({ name, text, values })).rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
