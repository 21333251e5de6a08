/**
 * `WEBHOOKS_ALLOW_PRIVATE_TARGETS=true` (development and tests only): endpoints may be plain http and reach
 * private, loopback and other non-public addresses. Off, such targets are refused at creation and at delivery.
 */
export function allowPrivateWebhookTargets(): boolean {
  return process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS === 'true';
}

/** How long a receiver has to answer a delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
