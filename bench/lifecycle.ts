import { DataSource } from 'typeorm';
import { addDays, type CalendarDate } from '@/domain/calendar';
import { reminderTable } from '@/domain/reminders';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';

/**
 * The baseline: the same day's work as the lifecycle (deactivations with their reseller cascade,
 * completed cancellations, audit rows, "deactivated" emails, lapsed orders, expiry reminders) written
 * as one hand-made set-based SQL pass, emails composed in SQL instead of rendered by the templates.
 */
const RAW_PASS = `
WITH expired AS (
  UPDATE services s SET status = 'DEACTIVATED', deactivated_on = s.expires_on, revision = s.revision + 1, updated_at = now()
  WHERE s.status = 'ACTIVE' AND s.expires_on <= $1::date
  RETURNING s.id, s.account_id, s.domain, s.product_id, s.expires_on
), cascaded AS (
  UPDATE services c SET status = 'DEACTIVATED', deactivated_on = e.expires_on, revision = c.revision + 1, updated_at = now()
  FROM expired e WHERE c.parent_service_id = e.id AND c.status = 'ACTIVE'
  RETURNING c.id, c.account_id
), completed AS (
  UPDATE cancellations c SET status = 'COMPLETED' FROM expired e WHERE c.service_id = e.id AND c.status = 'CONFIRMED' RETURNING c.service_id
), audited AS (
  INSERT INTO audit_events (actor_label, account_id, action, entity_type, entity_id, before, after)
  SELECT 'raw-sql', account_id, 'service.deactivated', 'Service', id::text, '{"status":"ACTIVE"}', '{"status":"DEACTIVATED"}'
  FROM (SELECT id, account_id FROM expired UNION ALL SELECT id, account_id FROM cascaded) d
), told AS (
  INSERT INTO notifications (account_id, template, dedupe_key, to_email, locale, data, subject, body_text, body_html)
  SELECT a.id, 'SERVICE_DEACTIVATED', 'deactivated:' || e.id || ':' || e.expires_on, a.email, a.locale, jsonb_build_object('domain', e.domain),
         e.domain || ': ' || p.code || ' disattivato', 'Il servizio ' || p.code || ' per ' || e.domain || ' è stato disattivato.',
         '<p>Il servizio ' || p.code || ' per ' || e.domain || ' è stato disattivato.</p>'
  FROM expired e JOIN accounts a ON a.id = e.account_id JOIN products p ON p.id = e.product_id
  WHERE NOT EXISTS (SELECT 1 FROM completed c WHERE c.service_id = e.id)
  ON CONFLICT (dedupe_key) DO NOTHING
), lapsed AS (
  UPDATE orders o SET status = 'CANCELLED', cancellation_reason = 'UNPAID_EXPIRED', cancelled_at = now()
  WHERE o.status = 'AWAITING_PAYMENT' AND ((o.kind IN ('UPGRADE', 'DOWNGRADE') AND o.placed_on < $1::date - 7)
     OR (o.kind = 'RENEWAL' AND EXISTS (SELECT 1 FROM services s WHERE s.id = o.service_id AND s.expires_on <= $1::date)))
  RETURNING o.id, o.account_id
), lapsed_audit AS (
  INSERT INTO audit_events (actor_label, account_id, action, entity_type, entity_id, before, after)
  SELECT 'raw-sql', account_id, 'order.cancelled', 'Order', id::text, '{"status":"AWAITING_PAYMENT"}', '{"status":"CANCELLED"}' FROM lapsed
)
INSERT INTO notifications (account_id, template, dedupe_key, to_email, locale, data, subject, body_text, body_html)
SELECT a.id, 'EXPIRY_REMINDER', k.key, a.email, a.locale, jsonb_build_object('domain', s.domain, 'daysLeft', due.days_left),
       s.domain || ': ' || p.code || ' scade tra ' || due.days_left || ' giorni',
       'Il servizio ' || p.code || ' per ' || s.domain || ' scade il ' || to_char(s.expires_on, 'DD/MM/YYYY') || '. Rinnovo: ' || p.price_cents || ' centesimi + IVA.',
       '<p>Il servizio ' || p.code || ' per ' || s.domain || ' scade il ' || to_char(s.expires_on, 'DD/MM/YYYY') || '.</p>'
FROM unnest($2::int[], $3::int[]) AS due(days_left, reminder_offset)
JOIN services s ON s.status = 'ACTIVE' AND s.expires_on = $1::date + due.days_left
CROSS JOIN LATERAL (SELECT 'reminder:' || s.id || ':' || to_char(s.expires_on, 'YYYY-MM-DD') || ':' || due.reminder_offset AS key) k
JOIN accounts a ON a.id = s.account_id JOIN products p ON p.id = s.product_id
WHERE NOT EXISTS (SELECT 1 FROM cancellations c WHERE c.service_id = s.id AND c.status = 'CONFIRMED')
  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = k.key)
ON CONFLICT (dedupe_key) DO NOTHING`;

async function rawPass(db: DataSource, date: CalendarDate): Promise<number> {
  const table = reminderTable();
  const started = performance.now();
  await db.transaction((manager) => manager.query(RAW_PASS, [date, table.daysLeft, table.offsets]));
  return (performance.now() - started) / 1000;
}

export interface LifecycleBench {
  catchUpSeconds: number;
  daySeconds: number[];
  rawSeconds: number[];
  counts: { reminders: number; deactivations: number; cancelledOrders: number }[];
}

/**
 * The daily lifecycle over the whole dataset. A first run catches up the past (reported apart); then
 * consecutive days alternate between the lifecycle and the raw-SQL pass, so both see the same kind of
 * day (about 1/365 of the services expiring, five reminder offsets) and the same machine noise.
 */
export async function lifecycleAgainstRawSql(db: DataSource, firstDay: CalendarDate, rounds: number, log: (line: string) => void): Promise<LifecycleBench> {
  const catchUp = await runLifecycle(db, null, firstDay);
  log(`  catch-up run for ${firstDay}: ${catchUp.deactivations} deactivations, ${catchUp.reminders} reminders in ${(catchUp.durationMs / 1000).toFixed(1)} s`);
  const result: LifecycleBench = { catchUpSeconds: catchUp.durationMs / 1000, daySeconds: [], rawSeconds: [], counts: [] };
  for (let round = 0; round < rounds; round += 1) {
    const lifecycleDay = addDays(firstDay, 2 * round + 1);
    const started = performance.now();
    const run = await runLifecycle(db, null, lifecycleDay);
    result.daySeconds.push((performance.now() - started) / 1000);
    result.counts.push({ reminders: run.reminders, deactivations: run.deactivations, cancelledOrders: run.cancelledOrders });
    result.rawSeconds.push(await rawPass(db, addDays(lifecycleDay, 1)));
    log(`  ${lifecycleDay}: lifecycle ${result.daySeconds.at(-1)!.toFixed(2)} s (${run.deactivations} deactivations, ${run.reminders} reminders, ${run.cancelledOrders} orders) · raw SQL ${result.rawSeconds.at(-1)!.toFixed(2)} s`);
  }
  return result;
}
