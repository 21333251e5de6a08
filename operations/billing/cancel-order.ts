import type { EntityManager } from 'typeorm';
import { Order } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';

export type OrderCancellationReason = 'SUPERSEDED' | 'SERVICE_CANCELLED' | 'UNPAID_EXPIRED';

/** Cancels an order still awaiting payment (the caller holds the service's lock). */
export async function cancelOpenOrder(manager: EntityManager, actor: Actor | null, order: Pick<Order, 'id' | 'accountId'>, reason: OrderCancellationReason): Promise<void> {
  const { affected } = await manager.update(Order, { id: order.id, status: 'AWAITING_PAYMENT' }, { status: 'CANCELLED', cancellationReason: reason, cancelledAt: new Date() });
  if (!affected) return;
  await recordAudit(manager, actor, {
    action: 'order.cancelled', entityType: 'Order', entityId: order.id, accountId: order.accountId,
    before: { status: 'AWAITING_PAYMENT' }, after: { status: 'CANCELLED', reason },
  });
}
