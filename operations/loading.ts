import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { selectEntities } from '@/lib/db/select-entities';

/**
 * What a batch of lookups by key answers: the row of each key, in the keys' order, null for a key
 * without one (as DataLoader expects its batches answered).
 */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? null);
}

/** Rows grouped by key, in the keys' order; rows that come in runs of one key are looked up once per run. */
export function groupedByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  let runKey: K | undefined;
  let run: V[] | undefined;
  for (const row of rows) {
    const key = keyOf(row);
    if (run === undefined || key !== runKey) {
      runKey = key;
      run = groups.get(key);
    }
    run?.push(row);
  }
  return keys.map((key) => groups.get(key)!);
}

/** The entity's properties that are columns: those a list can be narrowed to (`selectingOnly`). */
export function columnProperties(db: DataSource, target: EntityTarget<ObjectLiteral>): ReadonlySet<string> {
  return new Set(db.getMetadata(target).columns.map((column) => column.propertyName));
}

interface ByKeysOptions {
  /** Property paths of the rows' order, ascending. */
  orderBy?: string[];
  /** A further condition with no parameters, on the rows as `row` (a partial index's predicate is written here). */
  where?: string;
}

/**
 * The rows of `target` whose `property` is one of `keys`: a batch of lookups in one prepared statement, the
 * same text whatever the number of keys (`= ANY($1)`), the entities built straight from the rows. A lookup
 * by key plans the same for any keys, so PostgreSQL plans it once per connection instead of for every request.
 */
export function selectByKeys<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, property: string, keys: readonly string[], { orderBy = [], where }: ByKeysOptions = {}): Promise<T[]> {
  const query = db.getRepository(target).createQueryBuilder('row').where(`row.${property} = ANY(:keys)`, { keys: [...keys] });
  if (where) query.andWhere(where);
  for (const path of orderBy) query.addOrderBy(`row.${path}`, 'ASC');
  return selectEntities(query, { prepared: true });
}
