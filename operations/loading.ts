import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

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
