import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import { termAfterOrder } from '@/domain/terms';
import { Order, Service } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { queueServiceEvents } from '../webhooks/events';

function snapshot(service: Service) {
  const { productId, status, termStartsOn, expiresOn, recurringPriceCents, parentServiceId, deactivatedOn } = service;
  return { productId, status, termStartsOn, expiresOn, recurringPriceCents, parentServiceId, deactivatedOn };
}

/** A downgrade that leaves a reseller plan without additional domains takes its clients' domains down. */
async function deactivateOrphanedClientDomains(manager: EntityManager, actor: Actor | null, plan: Service, on: CalendarDate, keepsAdditionalDomains: boolean): Promise<void> {
  if (keepsAdditionalDomains) return;
  const children = await manager.find(Service, { where: { parentServiceId: plan.id, status: 'ACTIVE' } });
  for (const child of children) {
    const before = snapshot(child);
    Object.assign(child, { status: 'DEACTIVATED', deactivatedOn: on });
    await manager.save(Service, child);
    await recordAudit(manager, actor, { action: 'service.deactivated', entityType: 'Service', entityId: child.id, accountId: child.accountId, before, after: { ...snapshot(child), reason: 'RESELLER_PLAN_CHANGED' } });
  }
  if (!children.length) return;
  await queueServiceEvents(manager, 'service.deactivated', {
    from: `"services" s`, where: 's.id = ANY ($1::uuid[])', key: `'service.deactivated:' || s.id || ':' || to_char(s.expires_on, 'YYYY-MM-DD')`, extra: `jsonb_build_object('reason', 'RESELLER_PLAN_CHANGED')`,
  }, [children.map((child) => child.id)]);
}

/**
 * Applies a paid order to its service and marks it fulfilled, in the caller's transaction.
 * The term moves as `termAfterOrder` says, to the expiry the order carries. Renewal: a new term. Upgrade:
 * the new product and price, same expiry — or, near expiry, a new term starting `appliedOn`. Downgrade: the new
 * product and price; a reseller plan losing its additional domains takes its clients' domains down.
 * Any change gives a client's additional domain a plan of its own. A fulfilled order is left alone.
 */
export async function applyPaidOrder(manager: EntityManager, actor: Actor | null, orderId: string, appliedOn: CalendarDate): Promise<Order> {
  const order = await manager.createQueryBuilder(Order, 'o').setLock('pessimistic_write').where('o.id = :orderId', { orderId }).getOneOrFail();
  if (order.status !== 'PAID') return order;
  if (order.serviceId) {
    const service = await manager.createQueryBuilder(Service, 's').setLock('pessimistic_write').where('s.id = :id', { id: order.serviceId }).getOneOrFail();
    const before = snapshot(service);
    Object.assign(service, termAfterOrder(service, order, appliedOn));
    if (order.kind !== 'RENEWAL') {
      service.productId = order.targetProductId!;
      service.parentServiceId = null;
      if (order.nearExpiry && order.kind === 'UPGRADE') Object.assign(service, { status: 'ACTIVE', deactivatedOn: null });
    }
    service.recurringPriceCents = order.newRecurringPriceCents ?? service.recurringPriceCents;
    await manager.save(Service, service);
    if (order.kind === 'DOWNGRADE') {
      const keeps = await manager.query(`SELECT additional_domains > 0 AS keeps FROM products WHERE id = $1`, [service.productId]);
      await deactivateOrphanedClientDomains(manager, actor, service, appliedOn, keeps[0].keeps);
    }
    await recordAudit(manager, actor, { action: `service.${order.kind.toLowerCase()}_applied`, entityType: 'Service', entityId: service.id, accountId: service.accountId, before, after: { ...snapshot(service), orderCode: order.code } });
    await queueServiceEvents(manager, 'service.changed', {
      from: `"services" s`, where: 's.id = $1', key: `'service.changed:' || s.id || ':' || $2`, extra: `jsonb_build_object('change', $3::text, 'orderCode', $2::text)`,
    }, [service.id, order.code, order.kind]);
  }
  const fulfilled = { status: 'FULFILLED' as const, fulfilledAt: new Date() };
  Object.assign(order, fulfilled);
  await manager.update(Order, order.id, fulfilled);
  await recordAudit(manager, actor, { action: 'order.fulfilled', entityType: 'Order', entityId: order.id, accountId: order.accountId, before: { status: 'PAID' }, after: { status: 'FULFILLED' } });
  return order;
}
