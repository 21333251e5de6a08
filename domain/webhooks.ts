/** The events an endpoint may subscribe to (docs/api.md, Webhooks), with their readable names. */
export const WEBHOOK_EVENTS = [
  'service.expiring', 'service.deactivated', 'service.changed', 'order.created', 'order.paid', 'invoice.issued',
  'cancellation.confirmed', 'cancellation.withdrawn',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** After a rotation the previous secret keeps signing beside the new one this long. */
export const SECRET_OVERLAP_HOURS = 24;

/**
 * Retries: the first after 30 s, doubling up to 6 hours, each spread ±20 % so that the deliveries of one
 * outage do not all come back at once; the 22nd attempt is the last, about three days (74 hours) after the first.
 */
export const MAX_WEBHOOK_ATTEMPTS = 22;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_RETRY_SECONDS = 6 * 3600;

/** Seconds before the next attempt once `attempts` have failed; `random` in [0, 1) spreads it. */
export function webhookRetryDelaySeconds(attempts: number, random: number): number {
  const delay = Math.min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS);
  return Math.round(delay * (0.8 + 0.4 * random));
}

export function isLastWebhookAttempt(attempts: number): boolean {
  return attempts >= MAX_WEBHOOK_ATTEMPTS;
}

/** A delivery is accepted by any 2xx answer; anything else is tried again. */
export function isAccepted(statusCode: number): boolean {
  return statusCode >= 200 && statusCode < 300;
}

/** An endpoint's address: https, or http too when `allowHttp` (development). Returns why not, or null. */
export function webhookUrlProblem(url: string, allowHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'url must be an absolute https:// address';
  }
  if (parsed.protocol !== 'https:' && !(allowHttp && parsed.protocol === 'http:')) return 'url must use https';
  if (parsed.username || parsed.password) return 'url must not carry credentials';
  return null;
}
