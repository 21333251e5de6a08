import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { CENTS, FixedTaxColumns, TAX_PROFILE_CHECK, VAT_RATE_CHECK } from './columns';
import { OrderLine } from './order-line';
import { Product } from './product';
import { Quote } from './quote';
import { Service } from './service';
import { User } from './user';

export type OrderKind = 'NEW_SERVICE' | 'RENEWAL' | 'UPGRADE' | 'DOWNGRADE';
export type OrderStatus = 'AWAITING_PAYMENT' | 'PAID' | 'FULFILLED' | 'CANCELLED';
export type PaymentMethod = 'CARD' | 'BANK_TRANSFER' | 'POSTAL_SLIP';

/** A priced action awaiting payment, paid, fulfilled or cancelled; it carries what applying it does. */
@Entity('orders')
@Check('CHK_orders_kind', `"kind" IN ('NEW_SERVICE', 'RENEWAL', 'UPGRADE', 'DOWNGRADE')`)
@Check('CHK_orders_status', `"status" IN ('AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED')`)
@Check('CHK_orders_payment_method', `"payment_method" IS NULL OR "payment_method" IN ('CARD', 'BANK_TRANSFER', 'POSTAL_SLIP')`)
@Check('CHK_orders_tax_profile', TAX_PROFILE_CHECK)
@Check('CHK_orders_vat_rate', VAT_RATE_CHECK)
@Check('CHK_orders_totals', `"total_cents" = "net_cents" + "vat_cents" AND "total_cents" >= 0`)
@Check('CHK_orders_code', `"code" ~ '^HCS-[0-9]{4}-[0-9]{6,}$'`)
@Check('CHK_orders_paid_at', `"status" NOT IN ('PAID', 'FULFILLED') OR "paid_at" IS NOT NULL`)
@Index('UQ_orders_open_per_service', ['serviceId'], { unique: true, where: `"status" = 'AWAITING_PAYMENT'` })
@Index('IDX_orders_account_placed', ['accountId', 'placedOn', 'code'])
// The back office's list of every order, newest first.
@Index('IDX_orders_placed', ['placedOn', 'code'])
// The back office's orders in one status, newest first: a status with few orders is not read out of all of them.
@Index('IDX_orders_status_placed', ['status', 'placedOn', 'code'])
// Searching by part of the HCS code (LIKE '%…%'): a trigram index, created by the migration SubstringSearchIndexes.
@Index('IDX_orders_code_trgm', { synchronize: false })
export class Order extends FixedTaxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_orders_code', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrderKind;

  @Column({ type: 'varchar', length: 20, default: 'AWAITING_PAYMENT' })
  status: OrderStatus;

  /** The account billed: the owner of the service. */
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Index()
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Index('UQ_orders_quote', { unique: true })
  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  quoteId: string | null;

  @ManyToOne(() => Quote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<Quote>;

  @Column({ name: 'target_product_id', type: 'uuid', nullable: true })
  targetProductId: string | null;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_product_id' })
  targetProduct?: Relation<Product>;

  @Column({ name: 'near_expiry', type: 'boolean', default: false })
  nearExpiry: boolean;

  /** The expiry the service gets when the order is applied, when it moves. */
  @Column({ name: 'new_expires_on', type: 'date', nullable: true })
  newExpiresOn: string | null;

  @Column({ name: 'new_recurring_price_cents', ...CENTS, nullable: true })
  newRecurringPriceCents: number | null;

  @Column({ name: 'net_cents', ...CENTS })
  netCents: number;

  @Column({ name: 'vat_cents', ...CENTS })
  vatCents: number;

  @Column({ name: 'total_cents', ...CENTS })
  totalCents: number;

  @Column({ name: 'payment_method', type: 'varchar', length: 16, nullable: true })
  paymentMethod: PaymentMethod | null;

  /** Why the last card payment failed (a code of domain/card-declines.ts), kept until a payment succeeds. */
  @Column({ name: 'payment_failure_code', type: 'varchar', length: 64, nullable: true })
  paymentFailureCode: string | null;

  @Column({ name: 'cancellation_reason', type: 'varchar', length: 32, nullable: true })
  cancellationReason: string | null;

  @OneToMany(() => OrderLine, (line) => line.order)
  lines?: Relation<OrderLine[]>;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy?: Relation<User>;

  /** The business day the order was placed (Europe/Rome); its code carries that year. */
  @Column({ name: 'placed_on', type: 'date' })
  placedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}
