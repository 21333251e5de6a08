import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Quote } from '@/entities';
import type { Actor } from '../actor';
import { ownedBy } from '../scope';

/** A quote of the actor's own account (any, for the back office); null when missing or someone else's. */
export async function findQuote(db: DataSource, actor: Actor, quoteId: string): Promise<Quote | null> {
  if (!isUuid(quoteId)) return null;
  return ownedBy(db.getRepository(Quote).createQueryBuilder('quote').where('quote.id = :quoteId', { quoteId }), 'quote.accountId', actor).getOne();
}
