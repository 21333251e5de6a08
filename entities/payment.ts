import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { CENTS } from './columns';
import { Order, type PaymentMethod } from './order';
import { User } from './user';

/** REFUNDED: collected, then given back (a card payment for an order no longer awaiting payment). */
export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
export type PaymentProvider = 'STRIPE' | 'TEST' | 'OFFLINE';

/** One attempt to collect an order's total. */
@Entity('payments')
@Check('CHK_payments_status', `"status" IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED')`)
@Check('CHK_payments_refund', `("status" = 'REFUNDED') = ("refunded_at" IS NOT NULL AND "refund_reference" IS NOT NULL)`)
@Check('CHK_payments_method', `"method" IN ('CARD', 'BANK_TRANSFER', 'POSTAL_SLIP')`)
@Check('CHK_payments_provider', `"provider" IN ('STRIPE', 'TEST', 'OFFLINE')`)
@Check('CHK_payments_amount', `"amount_cents" > 0`)
@Index('UQ_payments_provider_reference', ['provider', 'providerReference'], { unique: true, where: `"provider_reference" IS NOT NULL` })
@Index('UQ_payments_succeeded_per_order', ['orderId'], { unique: true, where: `"status" = 'SUCCEEDED'` })
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order>;

  @Column({ type: 'varchar', length: 16 })
  method: PaymentMethod;

  @Column({ type: 'varchar', length: 16 })
  provider: PaymentProvider;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: PaymentStatus;

  @Column({ name: 'amount_cents', ...CENTS })
  amountCents: number;

  /** The provider's id (a PaymentIntent) or the bank's reference of an offline payment. */
  @Column({ name: 'provider_reference', type: 'varchar', length: 255, nullable: true })
  providerReference: string | null;

  /** Sent to the provider with the creation call, stored before it. */
  @Index('UQ_payments_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100 })
  idempotencyKey: string;

  /** Why this attempt failed: the processor's decline code, or ours (domain/card-declines.ts). */
  @Column({ name: 'failure_code', type: 'varchar', length: 64, nullable: true })
  failureCode: string | null;

  @Column({ name: 'refunded_at', type: 'timestamptz', nullable: true })
  refundedAt: Date | null;

  /** The provider's id of the refund (a Stripe Refund, or the test processor's). */
  @Column({ name: 'refund_reference', type: 'varchar', length: 255, nullable: true })
  refundReference: string | null;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
