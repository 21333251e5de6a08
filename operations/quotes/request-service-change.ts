import type { DataSource } from 'typeorm';
import { taxProfileOf } from '@/domain/billing/tax-profile';
import { taxedLines } from '@/domain/billing/taxed-lines';
import { priceServiceChange } from '@/domain/service-change';
import { Product, Quote } from '@/entities';
import { now, today } from '@/lib/clock';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { accountActedFor } from '../scope';
import { quoteExpiry } from './quote-validity';
import { assertActive, assertNotCancelled, clientDomainsOf, openOrderOf, ownerOf, productTerms, serviceInReach, serviceTerms } from './service-in-reach';

export interface ServiceChangeRequest { serviceId: string; targetProductCode: string }

/**
 * Prices a change of product and stores the quote, its tax fixed by the owner's billing data as it is now;
 * nothing else changes until it is confirmed and paid.
 */
export async function requestServiceChange(db: DataSource, actor: Actor, request: ServiceChangeRequest): Promise<Quote> {
  return db.transaction(async (manager) => {
    const service = await serviceInReach(manager, actor, request.serviceId);
    const day = today();
    assertActive(service, day);
    await assertNotCancelled(manager, service);
    const target = await manager.findOneBy(Product, { code: request.targetProductCode.trim().toUpperCase(), active: true });
    if (!target) throw new UserInputError('NOT_FOUND', `no product on sale with code ${request.targetProductCode}`, 'targetProductCode');
    if (target.id === service.productId) throw new UserInputError('SAME_PRODUCT', 'the service already has this product', 'targetProductCode');

    const owner = await ownerOf(manager, service);
    const priced = priceServiceChange({
      service: await serviceTerms(manager, service),
      target: await productTerms(manager, target.id),
      today: day,
      clientDomains: await clientDomainsOf(manager, service.id),
      locale: owner.locale,
    });
    // Taxed as the owner, who is billed, whoever asks (a reseller for its client).
    const taxed = taxedLines(taxProfileOf(owner), priced.lines, owner.locale);
    const superseded = await openOrderOf(manager, service.id);
    return manager.save(Quote, manager.create(Quote, {
      kind: 'SERVICE_CHANGE',
      accountId: accountActedFor(actor, service.accountId),
      createdByUserId: actor.userId,
      serviceId: service.id,
      serviceRevision: service.revision,
      targetProductId: target.id,
      direction: priced.direction,
      nearExpiry: priced.nearExpiry,
      freeDays: priced.freeDays,
      ...taxed,
      pricedOn: day,
      newExpiresOn: priced.newExpiresOn,
      effectiveOn: priced.effectiveOn,
      newRecurringPriceCents: priced.newRecurringPriceCents,
      renewalPriceCents: priced.renewalPriceCents,
      deactivations: priced.deactivations,
      supersedesOrderId: superseded?.id ?? null,
      expiresAt: quoteExpiry(now()),
    }));
  });
}
