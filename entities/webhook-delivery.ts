import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { OutboxColumns } from './columns';
import { WebhookEndpoint } from './webhook-endpoint';

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/**
 * The webhook outbox: one event for one endpoint, written in the transaction of the change it tells about and
 * sent by the background worker (operations/webhooks/deliver-webhooks.ts). Each try is a `WebhookAttempt`.
 */
@Entity('webhook_deliveries')
@Check('CHK_webhook_deliveries_status', `"status" IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index('UQ_webhook_deliveries_endpoint_event', ['endpointId', 'eventKey'], { unique: true })
@Index('IDX_webhook_deliveries_endpoint_created', ['endpointId', 'createdAt'])
@Index('IDX_webhook_deliveries_pending', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
export class WebhookDelivery extends OutboxColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id' })
  endpoint?: Relation<WebhookEndpoint>;

  /** The `webhook-id`: the same for every endpoint and every attempt of one event. */
  @Column({ name: 'message_id', type: 'varchar', length: 40 })
  messageId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: string;

  /** What makes the event happen once (e.g. `order.paid:HCS-2026-000001`): queued twice, it is kept once. */
  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey: string;

  /** `{ type, timestamp, data }`, the body sent. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: WebhookDeliveryStatus;
}
