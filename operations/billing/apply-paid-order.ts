import { EntityNotFoundError, type EntityManager } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import { termAfterOrder } from '@/domain/terms';
import { Order, Service } from '@/entities';
import { queryPrepared } from '@/lib/db/prepared';
import type { Actor } from '../actor';
import { recordAudit, recordAuditEntries, type AuditEntry } from '../audit';
import { lockOrderAndService } from '../payments/lock-order';
import { queueServiceEvents, queueSettlementEvents, type ServiceChange } from '../webhooks/events';

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

// Every column an order can change, whichever changed: the row ends as save() would leave it.
const UPDATE_SERVICE = `
  UPDATE "services" SET "product_id" = $2, "status" = $3, "term_starts_on" = $4, "expires_on" = $5, "recurring_price_cents" = $6,
    "parent_service_id" = $7, "deactivated_on" = $8, "revision" = "revision" + 1, "updated_at" = CURRENT_TIMESTAMP
  WHERE "id" = $1`;

/** What applying an order leaves for its caller to write with the rest: the trail's entries and the service changed (for its webhook event). */
export interface Applied { audit: AuditEntry[]; change: ServiceChange | null }

/**
 * Applies a paid order to its service, both locked by the caller (`service` null for an order without one):
 * the service row is written, the order is marked fulfilled in memory only. The caller writes the order,
 * the audit entries and the event returned.
 */
export async function applyToService(manager: EntityManager, actor: Actor | null, order: Order, service: Service | null, appliedOn: CalendarDate): Promise<Applied> {
  const audit: AuditEntry[] = [];
  let change: ServiceChange | null = null;
  if (service) {
    const before = snapshot(service);
    Object.assign(service, termAfterOrder(service, order, appliedOn));
    if (order.kind !== 'RENEWAL') {
      service.productId = order.targetProductId!;
      service.parentServiceId = null;
      if (order.nearExpiry && order.kind === 'UPGRADE') Object.assign(service, { status: 'ACTIVE', deactivatedOn: null });
    }
    service.recurringPriceCents = order.newRecurringPriceCents ?? service.recurringPriceCents;
    const after = snapshot(service);
    // As save() did: a row that would not change is not written, and keeps its revision.
    if ((Object.keys(after) as (keyof typeof after)[]).some((key) => after[key] !== before[key])) {
      await queryPrepared(manager, UPDATE_SERVICE, [service.id, service.productId, service.status, service.termStartsOn, service.expiresOn, service.recurringPriceCents, service.parentServiceId, service.deactivatedOn]);
      service.revision += 1;
    }
    if (order.kind === 'DOWNGRADE') {
      const keeps = await manager.query(`SELECT additional_domains > 0 AS keeps FROM products WHERE id = $1`, [service.productId]);
      await deactivateOrphanedClientDomains(manager, actor, service, appliedOn, keeps[0].keeps);
    }
    audit.push({ action: `service.${order.kind.toLowerCase()}_applied`, entityType: 'Service', entityId: service.id, accountId: service.accountId, before, after: { ...after, orderCode: order.code } });
    change = { serviceId: service.id, orderCode: order.code, kind: order.kind };
  }
  Object.assign(order, { status: 'FULFILLED', fulfilledAt: new Date() });
  audit.push({ action: 'order.fulfilled', entityType: 'Order', entityId: order.id, accountId: order.accountId, before: { status: 'PAID' }, after: { status: 'FULFILLED' } });
  return { audit, change };
}

/**
 * Applies a paid order to its service and marks it fulfilled, in the caller's transaction, locking the service and
 * the order (in that order) first. The term moves as `termAfterOrder` says, to the expiry the order carries. Renewal:
 * a new term. Upgrade: the new product and price, same expiry — or, near expiry, a new term starting `appliedOn`.
 * Downgrade: the new product and price; a reseller plan losing its additional domains takes its clients' domains down.
 * Any change gives a client's additional domain a plan of its own. A fulfilled order is left alone.
 */
export async function applyPaidOrder(manager: EntityManager, actor: Actor | null, orderId: string, appliedOn: CalendarDate): Promise<Order> {
  const locked = await lockOrderAndService(manager, { id: orderId });
  if (!locked) throw new EntityNotFoundError(Order, { id: orderId });
  const { order, service } = locked;
  if (order.status !== 'PAID') return order;
  const { audit, change } = await applyToService(manager, actor, order, service, appliedOn);
  await manager.update(Order, order.id, { status: order.status, fulfilledAt: order.fulfilledAt });
  await recordAuditEntries(manager, actor, audit);
  if (change) await queueSettlementEvents(manager, [], change);
  return order;
}
