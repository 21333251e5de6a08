import type { DataSource } from 'typeorm';
import { isOrderCode } from '@/domain/documents';
import { Order } from '@/entities';
import { selectEntities } from '@/lib/db/select-entities';
import type { Actor } from '../actor';
import { withinReach } from '../scope';

/** An order by HCS code, if the actor may see it (its own, a reseller's client's, any for the back office). */
export async function findOrder(db: DataSource, actor: Actor, code: string): Promise<Order | null> {
  const normalized = code.trim().toUpperCase();
  if (!isOrderCode(normalized)) return null;
  const query = db.getRepository(Order).createQueryBuilder('o').where('o.code = :code', { code: normalized });
  const [order] = await selectEntities(withinReach(query, 'o.accountId', actor), { prepared: true });
  return order ?? null;
}
