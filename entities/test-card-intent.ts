import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { CENTS } from './columns';

export type TestIntentStatus = 'requires_payment_method' | 'succeeded';

/**
 * The built-in test card processor's own state, standing in for Stripe's servers when no Stripe
 * keys are configured. Our payment code reads it back exactly as it reads a PaymentIntent.
 */
@Entity('test_card_intents')
@Check('CHK_test_card_intents_status', `"status" IN ('requires_payment_method', 'succeeded')`)
export class TestCardIntent {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Index('UQ_test_card_intents_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  @Column({ name: 'client_secret', type: 'varchar', length: 128 })
  clientSecret: string;

  @Column({ name: 'amount_cents', ...CENTS })
  amountCents: number;

  @Column({ type: 'jsonb' })
  metadata: Record<string, string>;

  @Column({ type: 'varchar', length: 32, default: 'requires_payment_method' })
  status: TestIntentStatus;

  /** The decline code of the last failed attempt (as Stripe would give it). */
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  /** The refund of a succeeded intent: at most one, for the whole amount. */
  @Column({ name: 'refund_id', type: 'varchar', length: 64, nullable: true })
  refundId: string | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
