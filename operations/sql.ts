import type { EntityManager } from 'typeorm';
import type { UserInputError } from './errors';

/** Runs a write statement in the caller's transaction and returns how many rows it touched. */
export async function affectedRows(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<number> {
  const result = await manager.queryRunner!.query(sql, parameters, true);
  return result.affected ?? 0;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

/** Awaits a write; a unique-constraint violation (another request got there first) becomes `duplicate`. */
export async function unlessDuplicate<T>(write: Promise<T>, duplicate: UserInputError): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505') throw duplicate;
    throw error;
  }
}
