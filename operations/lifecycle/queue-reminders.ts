import type { EntityManager } from 'typeorm';
import type { CalendarDate } from '@/domain/calendar';
import { reminderTable } from '@/domain/reminders';
import type { Locale } from '@/domain/money';
import { portalUrl } from '@/lib/config';
import { queueEmailsFor } from '../notifications/queue-emails';
import { queueWebhookEventsFrom } from '../webhooks/queue-events';

interface DueReminder {
  serviceId: string; accountId: string; email: string; locale: Locale; domain: string; productCode: string;
  expiresOn: CalendarDate; daysLeft: number; renewalPriceCents: string; dedupeKey: string;
}

/**
 * Active services expiring within 60 days, without a confirmed cancellation, whose due reminder
 * (see `dueReminderOffset`) was not yet queued for this term. The dedupe key names service, term
 * (its expiry) and offset, and is built here only.
 */
const DUE_REMINDERS = `
  SELECT s.id AS "serviceId", s.account_id AS "accountId", a.email, a.locale, s.domain, p.code AS "productCode",
         to_char(s.expires_on, 'YYYY-MM-DD') AS "expiresOn", due.days_left AS "daysLeft", p.price_cents AS "renewalPriceCents",
         k.dedupe_key AS "dedupeKey"
  FROM unnest($2::int[], $3::int[]) AS due(days_left, reminder_offset)
  JOIN "services" s ON s.status = 'ACTIVE' AND s.expires_on = $1::date + due.days_left
  CROSS JOIN LATERAL (SELECT concat_ws(':', 'reminder', s.id, to_char(s.expires_on, 'YYYY-MM-DD'), due.reminder_offset) AS dedupe_key) k
  JOIN "accounts" a ON a.id = s.account_id
  JOIN "products" p ON p.id = s.product_id
  WHERE NOT EXISTS (SELECT 1 FROM "cancellations" c WHERE c.service_id = s.id AND c.status = 'CONFIRMED')
    AND NOT EXISTS (SELECT 1 FROM "notifications" n WHERE n.dedupe_key = k.dedupe_key)`;

// A `service.expiring` event beside each reminder, keyed as the reminder is (service, term, offset).
const EXPIRING_EVENTS = `
  SELECT r."accountId" AS account_id, 'service.expiring'::varchar AS event_type, replace(r."dedupeKey", 'reminder:', 'service.expiring:') AS event_key,
         jsonb_build_object('accountId', r."accountId", 'serviceId', r."serviceId", 'domain', r.domain, 'productCode', r."productCode",
           'expiresOn', r."expiresOn", 'daysLeft', r."daysLeft", 'renewalPriceCents', r."renewalPriceCents"::bigint) AS data
  FROM (${DUE_REMINDERS}) r`;

/**
 * Queues the expiry reminders due on `date`, catching up at most the latest missed one per service, and their
 * `service.expiring` events (first: a reminder queued is no longer due).
 */
export async function queueDueReminders(manager: EntityManager, date: CalendarDate): Promise<number> {
  const table = reminderTable();
  await queueWebhookEventsFrom(manager, EXPIRING_EVENTS, [date, table.daysLeft, table.offsets]);
  return queueEmailsFor<DueReminder>(manager, DUE_REMINDERS, [date, table.daysLeft, table.offsets], (row) => ({
    accountId: row.accountId,
    toEmail: row.email,
    locale: row.locale,
    dedupeKey: row.dedupeKey,
    message: {
      template: 'EXPIRY_REMINDER', domain: row.domain, productCode: row.productCode, expiresOn: row.expiresOn, daysLeft: row.daysLeft,
      renewalPriceCents: Number(row.renewalPriceCents), link: portalUrl(`/area/servizi/${row.serviceId}/rinnovo`),
    },
  }));
}
