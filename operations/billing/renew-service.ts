import type { DataSource } from 'typeorm';
import { taxProfileOf } from '@/domain/billing/tax-profile';
import { taxedLines } from '@/domain/billing/taxed-lines';
import { termLine } from '@/domain/line-descriptions';
import { extendedExpiry } from '@/domain/terms';
import { Product, type Order } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { assertBillingComplete } from '../billing-details/billing-complete';
import { cardSessionFor } from '../payments/card-session-for';
import type { CardPaymentSession } from '../payments/start-card-payment';
import { assertActive, assertNotCancelled, openOrderOf, serviceInReach } from '../quotes/service-in-reach';
import { cancelOpenOrder } from './cancel-order';
import { createOrder } from './create-order';

/**
 * A renewal order for one more year at the product's current list price, awaiting payment.
 * It replaces the service's previous unpaid order, if any (reported as `superseded`). Refused while the owner's
 * billing data lacks what its e-invoice needs.
 */
export async function renewService(db: DataSource, actor: Actor, serviceId: string, paymentMethod: PaymentMethod): Promise<{ order: Order; superseded: Order | null; cardPayment: CardPaymentSession | null }> {
  const placed = await placeRenewal(db, actor, serviceId, paymentMethod);
  return { ...placed, cardPayment: await cardSessionFor(db, placed.order) };
}

async function placeRenewal(db: DataSource, actor: Actor, serviceId: string, paymentMethod: PaymentMethod): Promise<{ order: Order; superseded: Order | null }> {
  return db.transaction(async (manager) => {
    const service = await serviceInReach(manager, actor, serviceId, true);
    const day = today();
    assertActive(service, day);
    await assertNotCancelled(manager, service);
    const product = await manager.findOneByOrFail(Product, { id: service.productId });
    const owner = await assertBillingComplete(manager, service.accountId);
    const superseded = await openOrderOf(manager, service.id);
    if (superseded) await cancelOpenOrder(manager, actor, superseded, 'SUPERSEDED');
    const renewedUntil = extendedExpiry(service);
    const order = await createOrder(manager, {
      kind: 'RENEWAL',
      accountId: service.accountId,
      serviceId: service.id,
      newExpiresOn: renewedUntil,
      newRecurringPriceCents: product.priceCents,
      paymentMethod,
      createdByUserId: actor.userId,
      placedOn: day,
      ...taxedLines(taxProfileOf(owner), [{ kind: 'RENEWAL', description: termLine('RENEWAL', product.code, service.domain, service.expiresOn, renewedUntil, owner.locale), amountCents: product.priceCents }], owner.locale),
    });
    await recordAudit(manager, actor, {
      action: 'order.created', entityType: 'Order', entityId: order.id, accountId: order.accountId,
      after: { code: order.code, kind: 'RENEWAL', totalCents: order.totalCents, paymentMethod, supersedes: superseded?.code ?? null },
    });
    return { order, superseded };
  });
}
