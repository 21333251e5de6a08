import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, from what to what. Appended, never edited. */
@Entity('audit_events')
@Index('IDX_audit_events_entity', ['entityType', 'entityId'])
@Index('IDX_audit_events_account_created', ['accountId', 'createdAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** Who acted, readable even if the user is gone: an email, "system" or "lifecycle". */
  @Column({ name: 'actor_label', type: 'varchar', length: 254 })
  actorLabel: string;

  /** The account the change concerns, for scoping the trail. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  /** Kept to the millisecond, like a JS Date, so that it can be the trail's exact cursor. */
  @Index()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
