import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Account } from './account';
import { Cancellation } from './cancellation';
import { Order } from './order';
import { Service } from './service';
import { User } from './user';

export const TICKET_DEPARTMENTS = ['TECHNICAL', 'BILLING', 'SALES'] as const;
export type TicketDepartment = (typeof TICKET_DEPARTMENTS)[number];
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_STATUSES = ['OPEN', 'ANSWERED', 'CUSTOMER_REPLIED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
/** REQUEST: opened by a customer; CANCELLATION: a confirmed cancellation forwarded to support. */
export type TicketKind = 'REQUEST' | 'CANCELLATION';

/** A support request of an account, about a service or an order or neither (docs/product-rules.md, Support). */
@Entity('tickets')
@Check('CHK_tickets_department', `"department" IN ('TECHNICAL', 'BILLING', 'SALES')`)
@Check('CHK_tickets_priority', `"priority" IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')`)
@Check('CHK_tickets_status', `"status" IN ('OPEN', 'ANSWERED', 'CUSTOMER_REPLIED', 'CLOSED')`)
@Check('CHK_tickets_kind', `"kind" IN ('REQUEST', 'CANCELLATION')`)
@Check('CHK_tickets_closed', `("status" = 'CLOSED') = ("closed_at" IS NOT NULL)`)
@Check('CHK_tickets_cancellation', `("kind" = 'CANCELLATION') = ("cancellation_id" IS NOT NULL)`)
// The account's tickets and support's queue (by status, or all), the latest activity first.
@Index('IDX_tickets_account_activity', ['accountId', 'lastActivityAt', 'id'])
@Index('IDX_tickets_status_activity', ['status', 'lastActivityAt', 'id'])
@Index('IDX_tickets_activity', ['lastActivityAt', 'id'])
export class Ticket {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<Account>;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 16 })
  department: TicketDepartment;

  @Column({ type: 'varchar', length: 8, default: 'NORMAL' })
  priority: TicketPriority;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: TicketStatus;

  @Column({ type: 'varchar', length: 16, default: 'REQUEST' })
  kind: TicketKind;

  @Index()
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @ManyToOne(() => Order, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<Order>;

  @Index('UQ_tickets_cancellation', { unique: true })
  @Column({ name: 'cancellation_id', type: 'uuid', nullable: true })
  cancellationId: string | null;

  @ManyToOne(() => Cancellation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cancellation_id' })
  cancellation?: Relation<Cancellation>;

  @Column({ name: 'opened_by_user_id', type: 'uuid', nullable: true })
  openedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by_user_id' })
  openedBy?: Relation<User>;

  @Index()
  @Column({ name: 'assigned_to_user_id', type: 'uuid', nullable: true })
  assignedToUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_to_user_id' })
  assignedTo?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** The latest message's time (notes included): the queue's order and its age filter. */
  @Column({ name: 'last_activity_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
