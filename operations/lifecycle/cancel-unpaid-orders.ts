import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import type { Actor } from '../actor';
import { recordAuditRows } from '../audit';
import { LIFECYCLE_ACTOR_LABEL } from './actor-label';

/** An unpaid change order lives this many whole days after the day it was placed. */
export const UNPAID_CHANGE_ORDER_DAYS = 7;

// A renewal cannot be honoured once its service expired or was deactivated (e.g. with its reseller plan).
const CANCELLED = `
  cancelled AS (
    UPDATE "orders" o SET status = 'CANCELLED', cancellation_reason = 'UNPAID_EXPIRED', cancelled_at = now()
    WHERE o.status = 'AWAITING_PAYMENT' AND (
      (o.kind IN ('UPGRADE', 'DOWNGRADE') AND o.placed_on < $1::date - $2::int)
      OR (o.kind = 'RENEWAL' AND EXISTS (
        SELECT 1 FROM "services" s WHERE s.id = o.service_id AND (s.expires_on <= $1::date OR s.status <> 'ACTIVE')))
    )
    RETURNING o.id, o.account_id, o.kind
  )`;

/**
 * Cancels (UNPAID_EXPIRED) the change orders still unpaid more than 7 days after the day they were
 * placed (`placedOn`, Europe/Rome), and the renewal orders of services that expired; returns how many.
 */
export function cancelUnpaidOrders(manager: EntityManager, actor: Actor | null, date: CalendarDate): Promise<number> {
  // One statement cancels them and audits each.
  return recordAuditRows(manager, actor, {
    with: CANCELLED, from: 'cancelled', action: 'order.cancelled', entityType: 'Order', accountId: 'account_id', entityId: 'id::text',
    before: `'{"status": "AWAITING_PAYMENT"}'::jsonb`, after: `jsonb_build_object('status', 'CANCELLED', 'reason', 'UNPAID_EXPIRED', 'kind', kind)`,
  }, [date, UNPAID_CHANGE_ORDER_DAYS], LIFECYCLE_ACTOR_LABEL);
}
