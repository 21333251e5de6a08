import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { CENTS, FixedTaxColumns, TAX_PROFILE_CHECK, VAT_RATE_CHECK } from './columns';
import { Order } from './order';
import { Product } from './product';
import { Service } from './service';
import { User } from './user';

export type QuoteKind = 'SERVICE_CHANGE' | 'CANCELLATION';
export type ChangeDirection = 'UPGRADE' | 'DOWNGRADE';

export interface StoredQuoteLine { kind: string; description: string; amountCents: number }
export interface StoredDeactivation { kind: 'FEATURE' | 'SERVICE' | 'DOMAIN'; description: string; domain: string | null; serviceId: string | null }

/** A priced proposal, fixed when made; confirming applies exactly what it says. */
@Entity('quotes')
@Check('CHK_quotes_kind', `"kind" IN ('SERVICE_CHANGE', 'CANCELLATION')`)
@Check('CHK_quotes_direction', `"direction" IS NULL OR "direction" IN ('UPGRADE', 'DOWNGRADE')`)
@Check('CHK_quotes_tax_profile', TAX_PROFILE_CHECK)
@Check('CHK_quotes_vat_rate', VAT_RATE_CHECK)
@Check('CHK_quotes_totals', `"total_cents" = "net_cents" + "vat_cents" AND "total_cents" >= 0`)
@Index('UQ_quotes_idempotency_key', ['accountId', 'idempotencyKey'], { unique: true, where: `"idempotency_key" IS NOT NULL` })
@Check('CHK_quotes_change_target', `("kind" = 'SERVICE_CHANGE') = ("target_product_id" IS NOT NULL)`)
export class Quote extends FixedTaxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QuoteKind;

  /** The account that asked (a reseller may ask for a client's service). */
  @Index()
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  @Index()
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ name: 'service_revision', type: 'int' })
  serviceRevision: number;

  @Column({ name: 'target_product_id', type: 'uuid', nullable: true })
  targetProductId: string | null;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_product_id' })
  targetProduct?: Relation<Product>;

  @Column({ type: 'varchar', length: 16, nullable: true })
  direction: ChangeDirection | null;

  @Column({ name: 'near_expiry', type: 'boolean', default: false })
  nearExpiry: boolean;

  /** Near-expiry upgrade: the days left on the current term, given free with the new year. */
  @Column({ name: 'free_days', type: 'int', default: 0 })
  freeDays: number;

  @Column({ type: 'jsonb' })
  lines: StoredQuoteLine[];

  @Column({ name: 'net_cents', ...CENTS })
  netCents: number;

  @Column({ name: 'vat_cents', ...CENTS })
  vatCents: number;

  @Column({ name: 'total_cents', ...CENTS })
  totalCents: number;

  /** The day the quote was priced (Europe/Rome). */
  @Column({ name: 'priced_on', type: 'date' })
  pricedOn: string;

  @Column({ name: 'new_expires_on', type: 'date' })
  newExpiresOn: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** Recurring price of the service once the change is applied. */
  @Column({ name: 'new_recurring_price_cents', ...CENTS, nullable: true })
  newRecurringPriceCents: number | null;

  /** For a downgrade near expiry: what renewing the new product will cost. */
  @Column({ name: 'renewal_price_cents', ...CENTS, nullable: true })
  renewalPriceCents: number | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  deactivations: StoredDeactivation[];

  /** The unpaid order of the same service that confirming this quote cancels. */
  @Column({ name: 'supersedes_order_id', type: 'uuid', nullable: true })
  supersedesOrderId: string | null;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_order_id' })
  supersedesOrder?: Relation<Order>;

  @Column({ name: 'cancellation_reason', type: 'varchar', length: 32, nullable: true })
  cancellationReason: string | null;

  @Column({ name: 'cancellation_reason_text', type: 'varchar', length: 500, nullable: true })
  cancellationReasonText: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The caller's key for confirming; the same key always yields the same result. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;
}
