import type { EntityManager } from 'typeorm';
import { Account, Cancellation, Product, type Quote, type Service } from '@/entities';
import type { CancellationReason } from '@/entities/cancellation';
import { portalUrl, supportEmail } from '@/lib/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { queueEmail } from '../notifications/queue-email';
import { openCancellationTicket } from '../tickets/cancellation-tickets';
import { queueCancellationEvent } from '../webhooks/events';

/** Records a confirmed cancellation, emails the customer and forwards it to support (by email and as a ticket in its queue), in the caller's transaction. */
export async function recordCancellation(manager: EntityManager, actor: Actor, quote: Quote, service: Service): Promise<Cancellation> {
  const cancellation = await manager.save(Cancellation, manager.create(Cancellation, {
    serviceId: service.id,
    reason: quote.cancellationReason as CancellationReason,
    reasonText: quote.cancellationReasonText ?? '',
    effectiveOn: service.expiresOn,
    status: 'CONFIRMED',
    quoteId: quote.id,
    requestedByUserId: actor.userId,
  }));
  const owner = await manager.findOneByOrFail(Account, { id: service.accountId });
  const product = await manager.findOneByOrFail(Product, { id: service.productId });
  await queueEmail(manager, {
    accountId: owner.id, toEmail: owner.email, locale: owner.locale, dedupeKey: `cancellation-confirmed:${cancellation.id}`,
    message: {
      template: 'CANCELLATION_CONFIRMED', domain: service.domain, productCode: product.code, effectiveOn: cancellation.effectiveOn,
      deactivations: quote.deactivations.map((d) => d.description), link: portalUrl('/area/scadenziario'),
    },
  });
  await queueEmail(manager, {
    accountId: null, toEmail: supportEmail(), locale: 'it', dedupeKey: `cancellation-forwarded:${cancellation.id}`,
    message: {
      template: 'CANCELLATION_FORWARDED', accountName: owner.name, accountEmail: owner.email, domain: service.domain, productCode: product.code,
      effectiveOn: cancellation.effectiveOn, reason: cancellation.reason, reasonText: cancellation.reasonText,
    },
  });
  await openCancellationTicket(manager, actor, cancellation, service, product.code);
  await recordAudit(manager, actor, {
    action: 'cancellation.confirmed', entityType: 'Service', entityId: service.id, accountId: service.accountId,
    before: { cancellation: null }, after: { cancellationId: cancellation.id, effectiveOn: cancellation.effectiveOn, reason: cancellation.reason },
  });
  await queueCancellationEvent(manager, 'cancellation.confirmed', cancellation, service);
  return cancellation;
}
