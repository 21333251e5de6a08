import type { DataSource } from 'typeorm';
import { Cancellation, type Service } from '@/entities';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { closeCancellationTicket } from '../tickets/cancellation-tickets';
import { queueCancellationEvent } from '../webhooks/events';
import { openCancellationOf, serviceInReach } from './service-in-reach';

/** Takes back a confirmed cancellation before the expiry day; reminders resume, and its ticket is closed. */
export async function withdrawCancellation(db: DataSource, actor: Actor, serviceId: string): Promise<{ service: Service; cancellation: Cancellation }> {
  return db.transaction(async (manager) => {
    const service = await serviceInReach(manager, actor, serviceId, true);
    const cancellation = await openCancellationOf(manager, service.id);
    if (!cancellation) throw new UserInputError('NO_CANCELLATION', 'the service has no confirmed cancellation', 'serviceId');
    if (service.status !== 'ACTIVE' || today() >= cancellation.effectiveOn) {
      throw new UserInputError('TOO_LATE', 'the cancellation has already taken effect', 'serviceId');
    }
    cancellation.status = 'WITHDRAWN';
    cancellation.withdrawnAt = new Date();
    await manager.save(Cancellation, cancellation);
    await closeCancellationTicket(manager, actor, cancellation);
    await recordAudit(manager, actor, {
      action: 'cancellation.withdrawn', entityType: 'Service', entityId: service.id, accountId: service.accountId,
      before: { cancellationId: cancellation.id, status: 'CONFIRMED' }, after: { cancellationId: cancellation.id, status: 'WITHDRAWN' },
    });
    await queueCancellationEvent(manager, 'cancellation.withdrawn', cancellation, service);
    return { service, cancellation };
  });
}
