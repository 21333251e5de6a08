/** What our code needs to know of a card payment at the provider (a Stripe PaymentIntent or a test intent). */
export interface CardIntent {
  id: string;
  clientSecret: string;
  amountCents: number;
  currency: string;
  status: 'succeeded' | 'failed' | 'pending';
  /** Why the last attempt failed: the processor's decline or error code (domain/card-declines.ts). */
  failureCode: string | null;
  orderCode: string | null;
}

export interface NewCardIntent { amountCents: number; orderCode: string; orderId: string; idempotencyKey: string }

/** One interface, two providers: Stripe, or the built-in test processor when no keys are configured. */
export interface CardProcessor {
  readonly provider: 'STRIPE' | 'TEST';
  readonly publishableKey: string | null;
  /** Idempotent on `idempotencyKey`: the same key returns the same intent. */
  createIntent(intent: NewCardIntent): Promise<CardIntent>;
  retrieveIntent(id: string): Promise<CardIntent>;
  /**
   * Gives back the whole amount of a succeeded intent; idempotent on `idempotencyKey`. Throws when the
   * processor refuses or cannot be reached: the caller retries later with the same key.
   */
  refundIntent(id: string, idempotencyKey: string): Promise<CardRefund>;
}

/** A refund made at the provider: its id (a Stripe Refund's, or the test processor's). */
export interface CardRefund { id: string }

