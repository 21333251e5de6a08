import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A payment provider's event, recorded once: a replayed delivery finds it and changes nothing. */
@Entity('webhook_events')
export class WebhookEvent {
  /** The provider's event id (evt_…). */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  type: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
