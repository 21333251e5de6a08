import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Ticket } from './ticket';
import { User } from './user';

/** How a message came: written in the portal or the API, received by email, or written by the panel itself. */
export type TicketMessageChannel = 'PORTAL' | 'EMAIL' | 'SYSTEM';

/**
 * One message of a ticket's thread. Never edited once written: a trigger (migration SupportTickets)
 * refuses any change to its content.
 */
@Entity('ticket_messages')
@Check('CHK_ticket_messages_channel', `"channel" IN ('PORTAL', 'EMAIL', 'SYSTEM')`)
@Check('CHK_ticket_messages_note', `NOT "internal" OR "from_support"`)
@Index('IDX_ticket_messages_thread', ['ticketId', 'createdAt', 'id'])
export class TicketMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'ticket_id', type: 'uuid' })
  ticketId: string;

  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Index()
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true })
  authorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id' })
  author?: Relation<User>;

  /** Who wrote it, as shown in the thread (the login's email, "system"), kept when the login goes. */
  @Column({ name: 'author_label', type: 'varchar', length: 254 })
  authorLabel: string;

  /** Written by the back office (support or an admin). */
  @Column({ name: 'from_support', type: 'boolean', default: false })
  fromSupport: boolean;

  /** An internal note: support's alone, never shown to the customer nor emailed. */
  @Column({ type: 'boolean', default: false })
  internal: boolean;

  @Column({ type: 'varchar', length: 16, default: 'PORTAL' })
  channel: TicketMessageChannel;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
