import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { now } from '@/lib/clock';
import { randomSecret, sha256Hex } from '@/lib/secrets';

/** A new one-time link: its secret (for the email alone), the hash its row keeps, and when it stops working. */
export function newOneTimeLink(validityMs: number): { secret: string; secretHash: string; expiresAt: Date } {
  const secret = randomSecret();
  return { secret, secretHash: sha256Hex(secret), expiresAt: new Date(now().getTime() + validityMs) };
}

/**
 * The row of a one-time link that still works — its secret, not used (`usedProperty` still empty), not expired —
 * locked until the caller's transaction ends, so two openings cannot both use it; null otherwise.
 */
export function openOneTimeLink<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, secret: string, usedProperty: 'usedAt' | 'acceptedAt'): Promise<T | null> {
  return manager.createQueryBuilder(entity, 'link').setLock('pessimistic_write')
    .where(`link.secretHash = :hash AND link.${usedProperty} IS NULL AND link.expiresAt > :now`, { hash: sha256Hex(secret), now: now() })
    .getOne();
}
