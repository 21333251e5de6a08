import type { EntityManager } from 'typeorm';
import { Order } from '@/entities';

/**
 * The code of the order that replaced a superseded one: the service's next order. A service has at
 * most one order awaiting payment, so the order placed after it is the one that cancelled it.
 */
export async function supersedingOrderCode(manager: EntityManager, order: Pick<Order, 'id' | 'serviceId' | 'cancellationReason'>): Promise<string | null> {
  if (order.cancellationReason !== 'SUPERSEDED' || !order.serviceId) return null;
  const next = await manager.createQueryBuilder(Order, 'o').select(['o.code'])
    .where('o.serviceId = :serviceId AND o.createdAt > (SELECT created_at FROM orders WHERE id = :id)', { serviceId: order.serviceId, id: order.id })
    .orderBy('o.createdAt', 'ASC').addOrderBy('o.code', 'ASC').getOne();
  return next?.code ?? null;
}
