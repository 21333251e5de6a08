import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CENTS } from './columns';
import { ProductCategory } from './product-category';

@Entity('products')
@Check('CHK_products_price', `"price_cents" >= 0`)
@Check('CHK_products_change_fee', `"change_fee_cents" >= 0`)
@Check('CHK_products_features', `"web_space_gb" >= 0 AND "databases" >= 0 AND "mailboxes" >= 0 AND "additional_domains" >= 0 AND "pec_mailboxes" >= 0`)
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_products_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index()
  @Column({ name: 'category_id', type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => ProductCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<ProductCategory>;

  /** Annual list price, excluding VAT. */
  @Column({ name: 'price_cents', ...CENTS })
  priceCents: number;

  /** One-time fee charged for a downgrade to this product. */
  @Column({ name: 'change_fee_cents', ...CENTS, default: 2000 })
  changeFeeCents: number;

  @Column({ name: 'web_space_gb', type: 'int', default: 0 })
  webSpaceGb: number;

  @Column({ type: 'int', default: 0 })
  databases: number;

  @Column({ type: 'int', default: 0 })
  mailboxes: number;

  @Column({ name: 'additional_domains', type: 'int', default: 0 })
  additionalDomains: number;

  @Column({ type: 'boolean', default: false })
  server: boolean;

  @Column({ name: 'pec_mailboxes', type: 'int', default: 0 })
  pecMailboxes: number;

  /** Inactive products are no longer sold; existing services keep them. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', default: 0 })
  position: number;
}
