import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Quote } from './quote';
import { Service } from './service';
import { User } from './user';

export const CANCELLATION_REASONS = ['TOO_EXPENSIVE', 'SWITCHING_PROVIDER', 'NO_LONGER_NEEDED', 'TECHNICAL_PROBLEMS', 'OTHER'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];
export type CancellationStatus = 'CONFIRMED' | 'WITHDRAWN' | 'COMPLETED';

/** A confirmed "disdetta": the service goes on `effectiveOn` without further notice. Also support's list. */
@Entity('cancellations')
@Check('CHK_cancellations_reason', `"reason" IN ('TOO_EXPENSIVE', 'SWITCHING_PROVIDER', 'NO_LONGER_NEEDED', 'TECHNICAL_PROBLEMS', 'OTHER')`)
@Check('CHK_cancellations_status', `"status" IN ('CONFIRMED', 'WITHDRAWN', 'COMPLETED')`)
@Check('CHK_cancellations_withdrawn', `("status" = 'WITHDRAWN') = ("withdrawn_at" IS NOT NULL)`)
@Index('UQ_cancellations_open_per_service', ['serviceId'], { unique: true, where: `"status" = 'CONFIRMED'` })
// Support's list: the cancellations in one status, the soonest effective first.
@Index('IDX_cancellations_status_effective', ['status', 'effectiveOn', 'id'])
export class Cancellation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  @Column({ type: 'varchar', length: 32 })
  reason: CancellationReason;

  @Column({ name: 'reason_text', type: 'varchar', length: 500, default: '' })
  reasonText: string;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @Column({ type: 'varchar', length: 16, default: 'CONFIRMED' })
  status: CancellationStatus;

  @Index('UQ_cancellations_quote', { unique: true })
  @Column({ name: 'quote_id', type: 'uuid' })
  quoteId: string;

  @ManyToOne(() => Quote, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quote_id' })
  quote?: Relation<Quote>;

  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true })
  requestedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy?: Relation<User>;

  @CreateDateColumn({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;
}
