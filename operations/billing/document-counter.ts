import type { EntityManager } from 'typeorm';
import type { CounterSeries } from '@/entities/document-counter';

/**
 * The next number of a series for a year, taken inside the caller's transaction: the counter row
 * stays locked until commit, and a rollback returns the number, so the series has no gaps.
 */
export async function takeNextNumber(manager: EntityManager, series: CounterSeries, year: number): Promise<number> {
  const rows: { last_value: number }[] = await manager.query(nextNumberSql('$1', '$2'), [series, year]);
  return rows[0].last_value;
}

/** The statement taking the next number, `last_value`, of the series and year its two parameters name: a CTE of the row's own insert. */
export function nextNumberSql(series: string, year: string): string {
  return `INSERT INTO "document_counters" ("series", "year", "last_value") VALUES (${series}, ${year}, 1)
     ON CONFLICT ("series", "year") DO UPDATE SET "last_value" = "document_counters"."last_value" + 1
     RETURNING "last_value"`;
}
