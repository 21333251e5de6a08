import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { cardFailureMessage } from '@/domain/card-declines';
import { Account, Order, Payment } from '@/entities';
import type { CardIntent } from '@/lib/payments/card-processor';
import { cardProcessor } from '@/lib/payments/processor';
import { portalUrl } from '@/lib/config';
import { recordAudit } from '../audit';
import { queueEmail } from '../notifications/queue-email';
import { lockOrderAndService } from './lock-order';
import { refundCardPayment, type RefundDue } from './refund-card-payment';
import { settleOrder } from './settle-order';

export type CardOutcome = 'PAID' | 'FAILED' | 'PENDING' | 'ALREADY_PAID' | 'REFUNDED' | 'UNKNOWN_INTENT';

/** Our codes for money an intent collected that the order cannot take: recorded once, the refund is owed. */
const REFUND_DUE = new Set(['order_not_payable', 'amount_mismatch']);

/**
 * A new outcome of an intent whose last attempt failed (the card was tried again on it) is a new
 * attempt: the failed one keeps its row, and the intent moves on to a row of its own.
 */
async function nextAttempt(manager: EntityManager, failed: Payment): Promise<Payment> {
  await manager.update(Payment, failed.id, { providerReference: null });
  const { orderId, method, provider, amountCents, providerReference } = failed;
  // The intent already exists: this key is never sent to the provider, it only keeps the row unique.
  return manager.save(Payment, manager.create(Payment, { orderId, method, provider, amountCents, providerReference, status: 'PENDING', idempotencyKey: `card-${randomUUID()}` }));
}

/**
 * Re-reads a card payment at the provider and applies what it says. Whatever the order, the
 * number or the replays of the events that prompted it, the outcome is the same: a payment is
 * applied once, every attempt that failed stays recorded with its reason, and money collected that
 * cannot pay its order (no longer awaiting payment, another amount) is refunded once.
 */
export async function applyCardOutcome(db: DataSource, intentId: string): Promise<CardOutcome> {
  const processor = cardProcessor(db);
  const intent: CardIntent = await processor.retrieveIntent(intentId);
  const outcome = await db.transaction(async (manager): Promise<CardOutcome | RefundDue> => {
    const known = await manager.findOneBy(Payment, { provider: processor.provider, providerReference: intent.id });
    if (!known) return 'UNKNOWN_INTENT';
    const { order, service } = (await lockOrderAndService(manager, { id: known.orderId }))!;
    // Read again under the order's lock: a concurrent outcome may have moved the intent to a new attempt.
    const current = await manager.createQueryBuilder(Payment, 'p').setLock('pessimistic_write')
      .where('p.provider = :provider AND p.providerReference = :intent', { provider: processor.provider, intent: intent.id }).getOneOrFail();
    if (current.status === 'SUCCEEDED') return 'ALREADY_PAID';
    if (current.status === 'REFUNDED') return 'REFUNDED';
    // Recorded as owed by an earlier outcome whose refund failed: this one tries it again.
    if (REFUND_DUE.has(current.failureCode ?? '')) return { paymentId: current.id, accountId: order.accountId };
    const changed = intent.status === 'succeeded' || (intent.status === 'failed' && current.failureCode !== intent.failureCode);
    if (!changed) return intent.status === 'failed' ? 'FAILED' : 'PENDING';
    const payment = current.status === 'FAILED' ? await nextAttempt(manager, current) : current;

    if (intent.status === 'succeeded') {
      if (intent.amountCents !== payment.amountCents || intent.currency !== 'eur' || order.status !== 'AWAITING_PAYMENT') {
        const code = order.status !== 'AWAITING_PAYMENT' ? 'order_not_payable' : 'amount_mismatch';
        await manager.update(Payment, payment.id, { status: 'FAILED', failureCode: code });
        await recordAudit(manager, null, { action: 'payment.refund_due', entityType: 'Payment', entityId: payment.id, accountId: order.accountId, after: { intent: intent.id, amountCents: intent.amountCents, orderStatus: order.status } }, 'payments');
        return { paymentId: payment.id, accountId: order.accountId };
      }
      await manager.update(Payment, payment.id, { status: 'SUCCEEDED', failureCode: null });
      await settleOrder(manager, null, order, service, 'CARD');
      return 'PAID';
    }
    const code = intent.failureCode ?? 'unknown';
    await manager.update(Payment, payment.id, { status: 'FAILED', failureCode: code });
    if (order.status === 'AWAITING_PAYMENT') {
      await manager.update(Order, order.id, { paymentFailureCode: code });
      const account = await manager.findOneByOrFail(Account, { id: order.accountId });
      await queueEmail(manager, {
        accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `payment-failed:${payment.id}:${code}`.slice(0, 200),
        message: { template: 'PAYMENT_FAILED', orderCode: order.code, totalCents: order.totalCents, reason: cardFailureMessage(code, account.locale)!, link: portalUrl(`/area/ordini/${order.code}`) },
      });
    }
    await recordAudit(manager, null, { action: 'payment.failed', entityType: 'Payment', entityId: payment.id, accountId: order.accountId, after: { code } }, 'payments');
    return 'FAILED';
  });
  if (typeof outcome === 'string') return outcome;
  await refundCardPayment(db, processor, outcome);
  return 'REFUNDED';
}
