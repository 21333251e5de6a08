import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the daily lifecycle for a date; a date can be run again (nothing new happens), so runs are not unique per date. */
@Entity('lifecycle_runs')
@Index('IDX_lifecycle_runs_started', ['startedAt'])
@Check('CHK_lifecycle_runs_counts', `"reminders" >= 0 AND "deactivations" >= 0 AND "cancelled_orders" >= 0 AND "duration_ms" >= 0`)
export class LifecycleRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The day that was run (Europe/Rome); everything due on or before it was handled. */
  @Index()
  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'int' })
  reminders: number;

  /** Services deactivated, a reseller plan's client domains included. */
  @Column({ type: 'int' })
  deactivations: number;

  @Column({ name: 'cancelled_orders', type: 'int' })
  cancelledOrders: number;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  /** Who asked: an admin's email, "system" for the schedule and the command line. */
  @Column({ name: 'actor_label', type: 'varchar', length: 254 })
  actorLabel: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt: Date;
}
