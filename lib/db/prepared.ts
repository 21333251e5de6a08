import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError, type QueryRunner } from 'typeorm';

// A text's name is a digest of it, the same in every copy of this module (a reloaded module in
// development meets connections that prepared statements under the names the previous copy gave).
// Past this many texts, statements run unnamed: it bounds what each connection keeps prepared,
// whatever texts the queries' shapes produce.
const MAX_PREPARED = 256;
const names = new Map<string, string>();

function nameFor(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_PREPARED) names.set(text, (name = `p_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`));
  return name;
}

type Target = DataSource | EntityManager | QueryRunner;

/**
 * Runs a statement straight on its connection: the transaction's when `on` has a query runner,
 * otherwise the pool's, without the query runner TypeORM's `query()` makes, connects and releases
 * around every statement. Logged and failing like TypeORM's `query()`.
 */
async function runStatement<T>(on: Target, text: string, values: unknown[], name: string | undefined): Promise<T[]> {
  const runner = on instanceof DataSource ? undefined : on instanceof EntityManager ? on.queryRunner : on;
  const dataSource = on instanceof DataSource ? on : on instanceof EntityManager ? on.dataSource : on.connection;
  dataSource.logger.logQuery(text, values, runner);
  // Without a query runner, the driver's pool (TypeORM's PostgresDriver keeps it as `master`).
  const client: Pool | PoolClient = runner ? await runner.connect() : (dataSource.driver as unknown as { master: Pool }).master;
  try {
    return (await client.query({ name, text, values })).rows;
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  }
}

/**
 * Runs a statement as a named prepared statement: each pooled connection has PostgreSQL parse and plan
 * it once (a generic plan from the sixth run) instead of on every request — on the hot paths, planning
 * costs more than running. Only for lookups whose best plan does not depend on the values (by key, by
 * ids): a generic plan guesses a filter's selectivity and cannot use a partial index, so a filter on
 * a status or a pattern must be planned for its value each time (an admin's orders awaiting payment
 * went from 1 ms to 85 ms at 200,000 orders). Runs as `queryDirect` does.
 */
export function queryPrepared<T>(on: Target, text: string, values: unknown[]): Promise<T[]> {
  return runStatement(on, text, values, nameFor(text));
}

/** Runs a statement planned for its values, on the transaction's connection or the pool's (`runStatement`). */
export function queryDirect<T>(on: Target, text: string, values: unknown[]): Promise<T[]> {
  return runStatement(on, text, values, undefined);
}
