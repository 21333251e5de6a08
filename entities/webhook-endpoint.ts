import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';

/**
 * Where an account wants its events (and, for a reseller, its clients') delivered, signed the Standard Webhooks
 * way. The secret must be readable to sign with; after a rotation the previous one keeps signing beside it until
 * `previousSecretExpiresAt`.
 */
@Entity('webhook_endpoints')
@Index('IDX_webhook_endpoints_account', ['accountId', 'createdAt'])
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The event types subscribed (domain/webhooks.ts). */
  @Column({ type: 'varchar', array: true, length: 40 })
  events: string[];

  /** `whsec_…`; never selected by a reader, only by the delivery worker and the mutations that show it once. */
  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @Column({ name: 'previous_secret', type: 'varchar', length: 100, nullable: true, select: false })
  previousSecret: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
