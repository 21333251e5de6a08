import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { CENTS, FixedTaxColumns, TAX_PROFILE_CHECK, VAT_RATE_CHECK } from './columns';
import { InvoiceLine } from './invoice-line';
import { Order, type PaymentMethod } from './order';

/**
 * The customer's billing data as it was when the invoice was issued. Snapshots from before the billing kind
 * lack `kind`, `firstName` and `lastName`: read them through `snapshotBilling` (operations/billing-details).
 */
export interface BillingSnapshot {
  /** A company's name, a person's first and last name. */
  name: string;
  kind?: 'PERSON' | 'COMPANY';
  firstName?: string | null;
  lastName?: string | null;
  fiscalCode: string | null;
  vatNumber: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string;
  recipientCode: string | null;
  pecEmail: string | null;
}

/** Issued when an order is paid; numbered `YYYY/NNNNNN`, per calendar year, without gaps. Never edited. */
@Entity('invoices')
@Index('UQ_invoices_year_number', ['year', 'number'], { unique: true })
@Index('IDX_invoices_account_issued', ['accountId', 'issuedOn'])
@Check('CHK_invoices_number', `"number" > 0 AND "year" BETWEEN 2000 AND 9999`)
@Check('CHK_invoices_tax_profile', TAX_PROFILE_CHECK)
@Check('CHK_invoices_vat_rate', VAT_RATE_CHECK)
@Check('CHK_invoices_totals', `"total_cents" = "net_cents" + "vat_cents" AND "total_cents" >= 0`)
export class Invoice extends FixedTaxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  number: number;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Index('UQ_invoices_order', { unique: true })
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order>;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ type: 'jsonb' })
  billing: BillingSnapshot;

  @Column({ name: 'net_cents', ...CENTS })
  netCents: number;

  @Column({ name: 'vat_cents', ...CENTS })
  vatCents: number;

  @Column({ name: 'total_cents', ...CENTS })
  totalCents: number;

  @Column({ name: 'payment_method', type: 'varchar', length: 16 })
  paymentMethod: PaymentMethod;

  @OneToMany(() => InvoiceLine, (line) => line.invoice)
  lines?: Relation<InvoiceLine[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
