import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { CENTS } from './columns';
import { Product } from './product';

export type ServiceStatus = 'ACTIVE' | 'DEACTIVATED';

/**
 * A product sold to an account for a domain. Active through the day before `expiresOn`;
 * `expiresOn` is the day it is deactivated unless renewed.
 */
@Entity('services')
@Check('CHK_services_status', `"status" IN ('ACTIVE', 'DEACTIVATED')`)
@Check('CHK_services_term', `"expires_on" > "term_starts_on"`)
@Check('CHK_services_price', `"recurring_price_cents" >= 0`)
@Check('CHK_services_not_own_parent', `"parent_service_id" IS NULL OR "parent_service_id" <> "id"`)
@Check('CHK_services_deactivated_on', `("status" = 'DEACTIVATED') = ("deactivated_on" IS NOT NULL)`)
@Index('IDX_services_account_expiry', ['accountId', 'expiresOn'])
@Index('IDX_services_active_expiry', ['expiresOn'], { where: `"status" = 'ACTIVE'` })
// The back office's expiry schedule, deactivated services included.
@Index('IDX_services_expiry', ['expiresOn', 'id'])
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Index()
  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id' })
  product?: Relation<Product>;

  @Index()
  @Column({ type: 'varchar', length: 253 })
  domain: string;

  @Column({ type: 'varchar', length: 16, default: 'ACTIVE' })
  status: ServiceStatus;

  @Column({ name: 'term_starts_on', type: 'date' })
  termStartsOn: string;

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Column({ name: 'deactivated_on', type: 'date', nullable: true })
  deactivatedOn: string | null;

  /** Price of one term, excluding VAT, as last paid. */
  @Column({ name: 'recurring_price_cents', ...CENTS })
  recurringPriceCents: number;

  /** For a client's additional domain: the reseller plan that hosts it. */
  @Index()
  @Column({ name: 'parent_service_id', type: 'uuid', nullable: true })
  parentServiceId: string | null;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_service_id' })
  parentService?: Relation<Service>;

  /** Bumped by every change, so a quote can tell the service moved since it was priced. */
  @VersionColumn({ type: 'int' })
  revision: number;

  // Kept by the database for support; not loaded with the entity (a page of services would parse
  // two timestamps per row that nothing reads).
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', select: false })
  createdAt?: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', select: false })
  updatedAt?: Date;
}
