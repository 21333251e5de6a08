import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Quote } from '@/entities';
import type { Actor } from '../actor';

/** A quote of the actor's own account (any, for the back office); null when missing or someone else's. */
export async function findQuote(db: DataSource, actor: Actor, quoteId: string): Promise<Quote | null> {
  if (!isUuid(quoteId)) return null;
  if (actor.isAdmin) return db.getRepository(Quote).findOneBy({ id: quoteId });
  return actor.accountId ? db.getRepository(Quote).findOneBy({ id: quoteId, accountId: actor.accountId }) : null;
}
