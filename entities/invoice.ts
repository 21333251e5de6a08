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

export type InvoiceKind = 'INVOICE' | 'CREDIT_NOTE';

/**
 * Issued when an order is paid; numbered `YYYY/NNNNNN`, per calendar year, without gaps. Never edited.
 * A credit note (TD04) is a row of its own in the same numbering: it has no order, names the invoice it
 * corrects and why, and stores positive amounts (the document type says it is a credit).
 */
@Entity('invoices')
@Index('UQ_invoices_year_number', ['year', 'number'], { unique: true })
@Index('IDX_invoices_account_issued', ['accountId', 'issuedOn'])
@Check('CHK_invoices_number', `"number" > 0 AND "year" BETWEEN 2000 AND 9999`)
@Check('CHK_invoices_tax_profile', TAX_PROFILE_CHECK)
@Check('CHK_invoices_vat_rate', VAT_RATE_CHECK)
@Check('CHK_invoices_totals', `"total_cents" = "net_cents" + "vat_cents" AND "total_cents" >= 0`)
@Check('CHK_invoices_kind', `("kind" = 'INVOICE' AND "order_id" IS NOT NULL AND "corrects_invoice_id" IS NULL AND "reason" IS NULL) OR ("kind" = 'CREDIT_NOTE' AND "order_id" IS NULL AND "corrects_invoice_id" IS NOT NULL AND "reason" IS NOT NULL)`)
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

  @Column({ type: 'varchar', length: 12, default: 'INVOICE' })
  kind: InvoiceKind;

  /** An invoice's order; null for a credit note. */
  @Index('UQ_invoices_order', { unique: true })
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order>;

  /** The invoice a credit note corrects. */
  @Index('IDX_invoices_corrects')
  @Column({ name: 'corrects_invoice_id', type: 'uuid', nullable: true })
  correctsInvoiceId: string | null;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corrects_invoice_id' })
  correctsInvoice?: Relation<Invoice>;

  /** Why a credit note was issued. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

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
