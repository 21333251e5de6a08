import type { EntityManager } from 'typeorm';
import type { WebhookEventType } from '@/domain/webhooks';
import { queryPrepared } from '@/lib/db/prepared';

/** An event about an account's object: `key` makes it happen once, `data` is what the receiver gets (docs/api.md). */
export interface WebhookEventInput {
  accountId: string;
  type: WebhookEventType;
  key: string;
  data: Record<string, unknown>;
}

/**
 * Writes one delivery per endpoint subscribed to the event, the account's own and its reseller's, in the
 * caller's transaction. `events` is SQL yielding `account_id`, `event_type`, `event_key`, `data` (jsonb). The
 * `webhook-id` is derived from the key, so every endpoint and every attempt of an event carry the same one; an
 * event queued again (a repeated run) is kept once per endpoint. Without any endpoint the statement reads nothing.
 * With `prepared`, for a text that does not vary, each connection plans it once (`queryPrepared`).
 */
export async function queueWebhookEventsFrom(manager: EntityManager, events: string, parameters: unknown[], { prepared = false } = {}): Promise<void> {
  const sql = `
    INSERT INTO "webhook_deliveries" ("endpoint_id", "message_id", "event_type", "event_key", "payload")
    SELECT ep.id, 'msg_' || md5(ev.event_key), ev.event_type, ev.event_key,
           jsonb_build_object('type', ev.event_type, 'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', ev.data)
    FROM (${events}) ev
    JOIN "accounts" a ON a.id = ev.account_id
    JOIN "webhook_endpoints" ep ON ep.account_id IN (a.id, a.reseller_id) AND ev.event_type = ANY (ep.events)
    WHERE EXISTS (SELECT 1 FROM "webhook_endpoints")
    ON CONFLICT ("endpoint_id", "event_key") DO NOTHING`;
  await (prepared ? queryPrepared(manager, sql, parameters) : manager.query(sql, parameters));
}

/** `queueWebhookEventsFrom` for one event. */
export function queueWebhookEvent(manager: EntityManager, event: WebhookEventInput): Promise<void> {
  return queueWebhookEventsFrom(manager, `SELECT $1::uuid AS account_id, $2::varchar AS event_type, $3::varchar AS event_key, $4::jsonb AS data`,
    [event.accountId, event.type, event.key, JSON.stringify(event.data)], { prepared: true });
}

/** SQL yielding, for `queueWebhookEventsFrom`, events given whole: `parameter` is a JSON array of `WebhookEventInput`s. */
export function givenEventsSql(parameter: string): string {
  return `SELECT e."accountId" AS account_id, e."type" AS event_type, e."key" AS event_key, e."data"
    FROM jsonb_to_recordset(${parameter}::jsonb) AS e("accountId" uuid, "type" varchar, "key" varchar, "data" jsonb)`;
}
