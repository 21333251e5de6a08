/**
 * How an outbox message is retried: the first retry after a minute, doubling up to an hour, for
 * about three days (as mail servers do) before it is given up.
 */
export const MAX_DELIVERY_ATTEMPTS = 75;
const FIRST_RETRY_SECONDS = 60;
const LONGEST_RETRY_SECONDS = 3600;

/** Seconds to wait before the next attempt once `attempts` have failed (attempts ≥ 1). */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** (attempts - 1), LONGEST_RETRY_SECONDS);
}

/** After the last allowed attempt a message is FAILED: kept, visible to the back office, never sent twice. */
export function isLastAttempt(attempts: number): boolean {
  return attempts >= MAX_DELIVERY_ATTEMPTS;
}
