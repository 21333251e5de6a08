/** A quote can be confirmed for 30 minutes after it was made. */
export const QUOTE_VALIDITY_MINUTES = 30;

export function quoteExpiry(from: Date): Date {
  return new Date(from.getTime() + QUOTE_VALIDITY_MINUTES * 60_000);
}
