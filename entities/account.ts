import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export type AccountKind = 'CUSTOMER' | 'RESELLER';
export type BillingKind = 'PERSON' | 'COMPANY';

@Entity('accounts')
@Check('CHK_accounts_kind', `"kind" IN ('CUSTOMER', 'RESELLER')`)
@Check('CHK_accounts_locale', `"locale" IN ('it', 'en')`)
@Check('CHK_accounts_billing_kind', `"billing_kind" IN ('PERSON', 'COMPANY')`)
@Check('CHK_accounts_not_own_reseller', `"reseller_id" IS NULL OR "reseller_id" <> "id"`)
// The order of the client lists (a reseller's, the back office's), so a page reads only its rows.
@Index('IDX_accounts_reseller_name', ['resellerId', 'name', 'id'])
@Index('IDX_accounts_name', ['name', 'id'])
// Searching by part of the name or the email (ILIKE '%…%'): trigram indexes, which TypeORM cannot
// declare; created by the migration SubstringSearchIndexes and left alone by schema comparison.
@Index('IDX_accounts_name_trgm', { synchronize: false })
@Index('IDX_accounts_email_trgm', { synchronize: false })
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: AccountKind;

  @Column({ name: 'reseller_id', type: 'uuid', nullable: true })
  resellerId: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reseller_id' })
  reseller?: Relation<Account>;

  /** The display name: a company's name (FatturaPA `Denominazione`), a person's first and last name. */
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Whom invoices are made out to: a person (first and last name) or a company (`name`). */
  @Column({ name: 'billing_kind', type: 'varchar', length: 8, default: 'PERSON' })
  billingKind: BillingKind;

  @Column({ name: 'first_name', type: 'varchar', length: 60, nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 60, nullable: true })
  lastName: string | null;

  /** Where the account's notifications are sent. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'fiscal_code', type: 'varchar', length: 16, nullable: true })
  fiscalCode: string | null;

  /** Without the country prefix; outside the EU, the tax id. */
  @Column({ name: 'vat_number', type: 'varchar', length: 28, nullable: true })
  vatNumber: string | null;

  @Column({ name: 'address_line', type: 'varchar', length: 200, nullable: true })
  addressLine: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 12, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  city: string | null;

  /** Italy: the province's two letters; abroad, a region's name. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  province: string | null;

  @Column({ type: 'varchar', length: 2, default: 'IT' })
  country: string;

  /** Codice destinatario (SDI) for e-invoices. */
  @Column({ name: 'recipient_code', type: 'varchar', length: 7, nullable: true })
  recipientCode: string | null;

  /** PEC address for e-invoices, when there is no recipient code. */
  @Column({ name: 'pec_email', type: 'varchar', length: 254, nullable: true })
  pecEmail: string | null;

  @Column({ type: 'varchar', length: 2, default: 'it' })
  locale: 'it' | 'en';

  /** Kept by the database for support; not loaded with the entity. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt?: Date;
}
