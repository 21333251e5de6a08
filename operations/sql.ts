import type { EntityManager } from 'typeorm';

/** Runs a write statement in the caller's transaction and returns how many rows it touched. */
export async function affectedRows(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<number> {
  const result = await manager.queryRunner!.query(sql, parameters, true);
  return result.affected ?? 0;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}
