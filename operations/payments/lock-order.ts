import type { EntityManager } from 'typeorm';
import { Order, Service } from '@/entities';

/**
 * Locks an order for a payment step. The service row is locked first, as every operation that
 * changes a service's orders does, so two of them cannot deadlock.
 */
export async function lockOrder(manager: EntityManager, where: { id: string } | { code: string }): Promise<Order | null> {
  const found = await manager.findOneBy(Order, where);
  if (!found) return null;
  if (found.serviceId) await manager.createQueryBuilder(Service, 's').setLock('pessimistic_write').where('s.id = :id', { id: found.serviceId }).getOne();
  return manager.createQueryBuilder(Order, 'o').setLock('pessimistic_write').where('o.id = :id', { id: found.id }).getOne();
}
