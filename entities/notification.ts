import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { OutboxColumns } from './columns';

export type NotificationStatus = 'PENDING' | 'SENT' | 'CAPTURED' | 'FAILED';

/**
 * The email outbox: a message is written in the transaction of the change that causes it,
 * then delivered by a worker (or captured when no SMTP server is configured).
 */
@Entity('notifications')
@Check('CHK_notifications_status', `"status" IN ('PENDING', 'SENT', 'CAPTURED', 'FAILED')`)
@Check('CHK_notifications_deliverable_pending', `"deliverable" IS NULL OR "status" = 'PENDING'`)
@Index('IDX_notifications_account_created', ['accountId', 'createdAt'])
@Index('IDX_notifications_created', ['createdAt'])
@Index('IDX_notifications_pending', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
export class Notification extends OutboxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  /** What the message is about, e.g. EXPIRY_REMINDER, CANCELLATION_CONFIRMED. */
  @Column({ type: 'varchar', length: 48 })
  template: string;

  /** Makes the same message impossible to queue twice (e.g. one reminder per service, term and offset). */
  @Index('UQ_notifications_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ name: 'to_email', type: 'varchar', length: 254 })
  toEmail: string;

  @Column({ type: 'varchar', length: 2 })
  locale: 'it' | 'en';

  /** Where replies go, when not to the sender (a ticket's signed reply address). */
  @Column({ name: 'reply_to', type: 'varchar', length: 254, nullable: true })
  replyTo: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data: Record<string, string | number | string[]>;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml: string;

  /**
   * A message that carries a secret (domain/emails.ts, SECRET_FIELDS) as the mailbox receives it; the
   * data, subject and bodies above have the secret withheld. Never selected by a reader: only the
   * delivery worker reads it, and it is cleared when the message stops being PENDING.
   */
  @Column({ type: 'jsonb', nullable: true, select: false })
  deliverable: { subject: string; text: string; html: string } | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: NotificationStatus;
}
