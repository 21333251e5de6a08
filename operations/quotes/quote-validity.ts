/** A quote can be confirmed for 30 minutes after it was made. */
export const QUOTE_VALIDITY_MINUTES = 30;

export function quoteExpiry(from: Date): Date {
  return new Date(from.getTime() + QUOTE_VALIDITY_MINUTES * 60_000);
}

/** Whether the time to confirm the quote has run out at `at`. */
export function quoteExpired(quote: { expiresAt: Date }, at: Date): boolean {
  return quote.expiresAt.getTime() <= at.getTime();
}
