import { Webhook } from 'standardwebhooks';
import type { DataSource, EntityManager } from 'typeorm';
import { isAccepted, isLastWebhookAttempt, webhookRetryDelaySeconds } from '@/domain/webhooks';
import { WebhookAttempt } from '@/entities';
import { postJson } from '@/lib/webhooks/post';
import { allowPrivateWebhookTargets, WEBHOOK_TIMEOUT_MS } from '@/lib/webhooks/settings';
import { deliverDue, dueRows, type Outbox, type SendPass } from '../outbox/deliver-due';
import { startPoller, type Poller } from '../outbox/poller';

interface DueDelivery {
  id: string;
  attempts: number;
  messageId: string;
  payload: Record<string, unknown>;
  url: string;
  secrets: string[];
}

// The previous secret signs too while its overlap lasts.
const CLAIM = dueRows('webhook_deliveries', 'PENDING', `r.id, r.message_id AS "messageId", r.payload, e.url,
  array_remove(ARRAY[e.secret, CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END], NULL) AS secrets`,
'JOIN "webhook_endpoints" e ON e.id = r.endpoint_id');

/** `v1,…` with each secret, space-separated, as the Standard Webhooks spec allows for rotation. */
export function signatures(secrets: readonly string[], messageId: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
}

async function send(delivery: DueDelivery, manager: EntityManager): Promise<void> {
  const body = JSON.stringify(delivery.payload);
  const at = new Date();
  const outcome = await postJson(delivery.url, {
    'webhook-id': delivery.messageId,
    'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
    'webhook-signature': signatures(delivery.secrets, delivery.messageId, at, body),
  }, body, { timeoutMs: WEBHOOK_TIMEOUT_MS, allowPrivate: allowPrivateWebhookTargets() });
  await manager.insert(WebhookAttempt, { deliveryId: delivery.id, attemptedAt: at, ...outcome });
  if (outcome.statusCode === null || !isAccepted(outcome.statusCode)) throw new Error(outcome.error ?? `HTTP ${outcome.statusCode}`);
}

const WEBHOOK_OUTBOX: Outbox<DueDelivery> = {
  table: 'webhook_deliveries',
  claim: CLAIM,
  sent: { status: 'DELIVERED' },
  failed: 'FAILED',
  retry: { delaySeconds: (attempts) => webhookRetryDelaySeconds(attempts, Math.random()), isLast: isLastWebhookAttempt },
  send,
  // Each delivery has its own receiver: one that is down keeps no other waiting.
  isConnectionFailure: () => false,
};

/**
 * Sends the webhook deliveries due until none is left for this worker (outbox/deliver-due.ts: claimed
 * `FOR UPDATE SKIP LOCKED`, marked DELIVERED before the commit that releases them, so two workers never send
 * the same one), logging each attempt; a failure is retried with backoff for about three days (domain/webhooks.ts).
 */
export async function deliverWebhooks(db: DataSource, batchSize = 10, keepGoing: () => boolean = () => true): Promise<SendPass> {
  const pass: SendPass = { sent: 0, retried: 0, failed: 0 };
  await deliverDue(db, WEBHOOK_OUTBOX, pass, batchSize, keepGoing);
  return pass;
}

/** Polls for webhook deliveries every `intervalMs`; any number of workers may run at once. */
export function startWebhookWorker(db: DataSource, intervalMs = 1000): Poller {
  return startPoller('Webhook delivery', (keepGoing) => deliverWebhooks(db, undefined, keepGoing), intervalMs);
}
