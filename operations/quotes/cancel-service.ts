import type { DataSource } from 'typeorm';
import { taxProfileOf } from '@/domain/billing/tax-profile';
import { fixedTax } from '@/domain/billing/taxed-lines';
import { describeCancellation } from '@/domain/service-change';
import { CANCELLATION_REASONS, type CancellationReason } from '@/entities/cancellation';
import { Quote } from '@/entities';
import { now, today } from '@/lib/clock';
import type { Actor } from '../actor';
import { Validation } from '../errors';
import { accountActedFor } from '../scope';
import { quoteExpiry } from './quote-validity';
import { alreadyCancelled, assertActive, clientDomainsOf, openCancellationOf, openOrderOf, ownerOf, serviceInReach, serviceTerms } from './service-in-reach';

export interface CancellationRequest { serviceId: string; reason: string; reasonText?: string | null }

export const MAX_REASON_TEXT = 500;

/**
 * Quotes a cancellation ("disdetta"): no charge and no refund, effective on the expiry day, listing
 * everything that will be deactivated. Nothing changes until it is confirmed.
 */
export async function cancelService(db: DataSource, actor: Actor, request: CancellationRequest): Promise<Quote> {
  const reasonText = (request.reasonText ?? '').trim();
  new Validation()
    .check((CANCELLATION_REASONS as readonly string[]).includes(request.reason), 'reason', 'INVALID', `reason must be one of ${CANCELLATION_REASONS.join(', ')}`)
    .check(request.reason !== 'OTHER' || reasonText.length > 0, 'reasonText', 'REQUIRED', 'tell us the reason when it is OTHER')
    .check(reasonText.length <= MAX_REASON_TEXT, 'reasonText', 'TOO_LONG', `reasonText must be at most ${MAX_REASON_TEXT} characters`)
    .throwIfInvalid();

  return db.transaction(async (manager) => {
    const service = await serviceInReach(manager, actor, request.serviceId);
    assertActive(service, today());
    if (await openCancellationOf(manager, service.id)) throw alreadyCancelled('serviceId');
    const owner = await ownerOf(manager, service);
    const deactivations = describeCancellation({
      service: await serviceTerms(manager, service),
      clientDomains: await clientDomainsOf(manager, service.id),
      locale: owner.locale,
    }).map((item) => (item.kind === 'SERVICE' ? { ...item, serviceId: service.id } : item));
    const superseded = await openOrderOf(manager, service.id);
    return manager.save(Quote, manager.create(Quote, {
      kind: 'CANCELLATION',
      accountId: accountActedFor(actor, service.accountId),
      createdByUserId: actor.userId,
      serviceId: service.id,
      serviceRevision: service.revision,
      lines: [],
      netCents: 0,
      vatCents: 0,
      totalCents: 0,
      ...fixedTax(taxProfileOf(owner)),
      pricedOn: today(),
      newExpiresOn: service.expiresOn,
      effectiveOn: service.expiresOn,
      deactivations,
      supersedesOrderId: superseded?.id ?? null,
      cancellationReason: request.reason as CancellationReason,
      cancellationReasonText: reasonText,
      expiresAt: quoteExpiry(now()),
    }));
  });
}
