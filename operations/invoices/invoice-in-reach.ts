import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Invoice } from '@/entities';
import type { Actor } from '../actor';
import { withinReach } from '../scope';

/** An invoice the actor may open (its own, a reseller's client's, any for the back office), or null. */
export function invoiceInReach(db: DataSource, actor: Actor, invoiceId: string): Promise<Invoice | null> {
  if (!isUuid(invoiceId)) return Promise.resolve(null);
  return withinReach(db.getRepository(Invoice).createQueryBuilder('invoice').where('invoice.id = :invoiceId', { invoiceId }), 'invoice.accountId', actor).getOne();
}
