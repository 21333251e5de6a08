import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Account } from './account';

/**
 * An account's secret calendar address. The secret in the URL is derived from `nonce` with the server's key
 * (operations/calendar/feed-secret.ts), so the database alone never yields a working URL; the feed's route finds
 * the account by the secret's SHA-256. A new nonce makes a new URL and the old one stops working.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Column({ type: 'varchar', length: 64 })
  nonce: string;

  @Index('UQ_calendar_feeds_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
