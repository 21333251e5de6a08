import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { WebhookAttempt, WebhookDelivery } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { ownedBy } from '../scope';
import { endpointInReach } from './endpoints';

export type DeliveryWithAttempts = WebhookDelivery & { attemptLog: WebhookAttempt[] };

/** The deliveries with their attempts, oldest first, in one query. */
async function withAttempts(manager: EntityManager, deliveries: WebhookDelivery[]): Promise<DeliveryWithAttempts[]> {
  const attempts = deliveries.length
    ? await manager.createQueryBuilder(WebhookAttempt, 'attempt').where('attempt.deliveryId IN (:...ids)', { ids: deliveries.map((d) => d.id) }).orderBy('attempt.attemptedAt', 'ASC').getMany()
    : [];
  return deliveries.map((delivery) => Object.assign(delivery, { attemptLog: attempts.filter((attempt) => attempt.deliveryId === delivery.id) }));
}

/** An endpoint's deliveries, newest first, each with its attempts (oldest first), in two queries a page. */
export async function listWebhookDeliveries(db: DataSource, actor: Actor, endpointId: string, page: PageArgs): Promise<Page<DeliveryWithAttempts>> {
  const endpoint = await endpointInReach(db.manager, actor, endpointId, 'endpointId');
  const query = db.getRepository(WebhookDelivery).createQueryBuilder('delivery').where('delivery.endpointId = :endpointId', { endpointId: endpoint.id });
  const deliveries = await keysetPage(query, { columns: ['delivery.createdAt', 'delivery.id'], direction: 'DESC', values: (d) => [d.createdAt.toISOString(), d.id] }, page);
  return { ...deliveries, rows: await withAttempts(db.manager, deliveries.rows) };
}

/**
 * Queues one more attempt of a delivery, now, whatever became of it (delivered, given up, still retrying): the
 * receiver gets the same `webhook-id` again. Its count of attempts goes on, so one given up is tried once more.
 */
export async function redeliverWebhook(db: DataSource, actor: Actor, deliveryId: string): Promise<DeliveryWithAttempts> {
  if (!isUuid(deliveryId)) throw new UserInputError('NOT_FOUND', 'no such webhook delivery', 'deliveryId');
  return db.transaction(async (manager) => {
    const query = manager.createQueryBuilder(WebhookDelivery, 'delivery').innerJoinAndSelect('delivery.endpoint', 'endpoint')
      .setLock('pessimistic_write', undefined, ['delivery']).where('delivery.id = :deliveryId', { deliveryId });
    const delivery = await ownedBy(query, 'endpoint.accountId', actor).getOne();
    if (!delivery) throw new UserInputError('NOT_FOUND', 'no such webhook delivery', 'deliveryId');
    const before = { status: delivery.status };
    Object.assign(delivery, { status: 'PENDING', nextAttemptAt: new Date() });
    await manager.update(WebhookDelivery, { id: delivery.id }, { status: delivery.status, nextAttemptAt: delivery.nextAttemptAt });
    await recordAudit(manager, actor, { action: 'webhook_delivery.redelivered', entityType: 'WebhookDelivery', entityId: delivery.id, accountId: delivery.endpoint!.accountId, before, after: { status: 'PENDING' } });
    return (await withAttempts(manager, [delivery]))[0];
  });
}
