import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import type { Locale } from '@/domain/money';
import { portalUrl } from '@/lib/config';
import type { Actor } from '../actor';
import { recordAuditRows } from '../audit';
import { queueEmailsFor } from '../notifications/queue-emails';
import { queueServiceEvents } from '../webhooks/events';
import { affectedRows } from '../sql';
import { LIFECYCLE_ACTOR_LABEL } from './actor-label';

interface Deactivated {
  serviceId: string; accountId: string; email: string; locale: Locale; domain: string; productCode: string;
  deactivatedOn: CalendarDate; clientDomains: string[]; dedupeKey: string;
}

// What this run deactivated; `plan_id` is set for a client's domain that went with its reseller plan.
const CREATE_DEACTIVATED = `
  CREATE TEMPORARY TABLE "lifecycle_deactivated" (
    service_id uuid PRIMARY KEY, account_id uuid NOT NULL, deactivated_on date NOT NULL, plan_id uuid, silent boolean NOT NULL
  ) ON COMMIT DROP`;

// Deactivated on its expiry day, even when this run catches up a later day. Silent when cancelled.
const DEACTIVATE_EXPIRED = `
  WITH expired AS (
    UPDATE "services" s SET status = 'DEACTIVATED', deactivated_on = s.expires_on, revision = s.revision + 1, updated_at = now()
    WHERE s.status = 'ACTIVE' AND s.expires_on <= $1::date
    RETURNING s.id, s.account_id, s.expires_on
  )
  INSERT INTO "lifecycle_deactivated"
  SELECT e.id, e.account_id, e.expires_on, NULL, EXISTS (SELECT 1 FROM "cancellations" c WHERE c.service_id = e.id AND c.status = 'CONFIRMED')
  FROM expired e`;

// Clients' additional domains go with their plan, on the plan's day; their reseller is the one told.
const DEACTIVATE_CLIENT_DOMAINS = `
  WITH taken AS (
    UPDATE "services" c SET status = 'DEACTIVATED', deactivated_on = plan.deactivated_on, revision = c.revision + 1, updated_at = now()
    FROM "lifecycle_deactivated" plan
    WHERE c.parent_service_id = plan.service_id AND c.status = 'ACTIVE'
    RETURNING c.id, c.account_id, c.deactivated_on, c.parent_service_id
  )
  INSERT INTO "lifecycle_deactivated" SELECT id, account_id, deactivated_on, parent_service_id, true FROM taken`;

const COMPLETE_CANCELLATIONS = `
  UPDATE "cancellations" c SET status = 'COMPLETED'
  FROM "lifecycle_deactivated" d WHERE c.service_id = d.service_id AND c.status = 'CONFIRMED'`;

const DEACTIVATION_EMAILS = `
  WITH clients AS (
    SELECT k.plan_id, array_agg(c.domain ORDER BY c.domain) AS domains
    FROM "lifecycle_deactivated" k JOIN "services" c ON c.id = k.service_id
    WHERE k.plan_id IS NOT NULL GROUP BY k.plan_id
  )
  SELECT d.service_id AS "serviceId", d.account_id AS "accountId", a.email, a.locale, s.domain, p.code AS "productCode",
         to_char(d.deactivated_on, 'YYYY-MM-DD') AS "deactivatedOn", COALESCE(clients.domains, '{}') AS "clientDomains",
         concat_ws(':', 'deactivated', s.id, to_char(s.expires_on, 'YYYY-MM-DD')) AS "dedupeKey"
  FROM "lifecycle_deactivated" d
  JOIN "services" s ON s.id = d.service_id
  JOIN "accounts" a ON a.id = s.account_id
  JOIN "products" p ON p.id = s.product_id
  LEFT JOIN clients ON clients.plan_id = d.service_id
  WHERE NOT d.silent`;

/**
 * Deactivates every active service whose expiry day has come (`expiresOn` ≤ `date`), with the
 * additional domains of the reseller plans among them; completes their confirmed cancellations,
 * audits each one, queues one "deactivated" email per service not cancelled (the reseller's
 * names its clients' domains) and a `service.deactivated` event per service. Returns how many services were deactivated.
 */
export async function deactivateExpiredServices(manager: EntityManager, actor: Actor | null, date: CalendarDate): Promise<number> {
  await manager.query(CREATE_DEACTIVATED);
  const deactivated = await affectedRows(manager, DEACTIVATE_EXPIRED, [date]);
  if (!deactivated) return 0;
  const clientDomains = await affectedRows(manager, DEACTIVATE_CLIENT_DOMAINS);
  await manager.query(`ANALYZE "lifecycle_deactivated"`);
  await manager.query(COMPLETE_CANCELLATIONS);
  await recordAuditRows(manager, actor, {
    from: '"lifecycle_deactivated" d', action: 'service.deactivated', entityType: 'Service', accountId: 'd.account_id', entityId: 'd.service_id::text',
    before: `'{"status": "ACTIVE"}'::jsonb`,
    after: `jsonb_build_object('status', 'DEACTIVATED', 'deactivatedOn', d.deactivated_on, 'reason',
      CASE WHEN d.plan_id IS NOT NULL THEN 'RESELLER_PLAN_DEACTIVATED' WHEN d.silent THEN 'CANCELLED' ELSE 'EXPIRED' END)`,
  }, [], LIFECYCLE_ACTOR_LABEL);
  await queueServiceEvents(manager, 'service.deactivated', {
    from: `"lifecycle_deactivated" d JOIN "services" s ON s.id = d.service_id`, where: 'true',
    key: `'service.deactivated:' || s.id || ':' || to_char(s.expires_on, 'YYYY-MM-DD')`,
    extra: `jsonb_build_object('reason', CASE WHEN d.plan_id IS NOT NULL THEN 'RESELLER_PLAN_DEACTIVATED' WHEN d.silent THEN 'CANCELLED' ELSE 'EXPIRED' END)`,
  }, []);
  const link = portalUrl('/area/scadenziario');
  await queueEmailsFor<Deactivated>(manager, DEACTIVATION_EMAILS, [], (row) => ({
    accountId: row.accountId,
    toEmail: row.email,
    locale: row.locale,
    dedupeKey: row.dedupeKey,
    message: { template: 'SERVICE_DEACTIVATED', domain: row.domain, productCode: row.productCode, deactivatedOn: row.deactivatedOn, clientDomains: row.clientDomains, link },
  }));
  return deactivated + clientDomains;
}
