import type { DataSource } from 'typeorm';
import { Account, Order, Payment } from '@/entities';
import type { CardIntent } from '@/lib/payments/card-processor';
import { cardProcessor } from '@/lib/payments/processor';
import { portalUrl } from '@/lib/config';
import { recordAudit } from '../audit';
import { queueEmail } from '../notifications/queue-email';
import { lockOrder } from './lock-order';
import { refundCardPayment, type RefundDue } from './refund-card-payment';
import { settleOrder } from './settle-order';

export type CardOutcome = 'PAID' | 'FAILED' | 'PENDING' | 'ALREADY_PAID' | 'REFUNDED' | 'UNKNOWN_INTENT';

/**
 * Re-reads a card payment at the provider and applies what it says. Whatever the order, the
 * number or the replays of the events that prompted it, the outcome is the same: a payment is
 * applied once, and money collected that cannot pay its order (no longer awaiting payment, another
 * amount) is refunded once.
 */
export async function applyCardOutcome(db: DataSource, intentId: string): Promise<CardOutcome> {
  const processor = cardProcessor(db);
  const intent: CardIntent = await processor.retrieveIntent(intentId);
  const outcome = await db.transaction(async (manager): Promise<CardOutcome | RefundDue> => {
    const known = await manager.findOneBy(Payment, { provider: processor.provider, providerReference: intent.id });
    if (!known) return 'UNKNOWN_INTENT';
    const order = (await lockOrder(manager, { id: known.orderId }))!;
    const payment = await manager.createQueryBuilder(Payment, 'p').setLock('pessimistic_write').where('p.id = :id', { id: known.id }).getOneOrFail();
    if (payment.status === 'SUCCEEDED') return 'ALREADY_PAID';
    if (payment.status === 'REFUNDED') return 'REFUNDED';

    if (intent.status === 'succeeded') {
      if (intent.amountCents !== payment.amountCents || intent.currency !== 'eur' || order.status !== 'AWAITING_PAYMENT') {
        const reason = order.status !== 'AWAITING_PAYMENT' ? 'collected for an order no longer awaiting payment: refund due' : 'amount collected differs from the order total: refund due';
        if (payment.failureReason !== reason) {
          await manager.update(Payment, payment.id, { status: 'FAILED', failureReason: reason });
          await recordAudit(manager, null, { action: 'payment.refund_due', entityType: 'Payment', entityId: payment.id, accountId: order.accountId, after: { intent: intent.id, amountCents: intent.amountCents, orderStatus: order.status } }, 'payments');
        }
        return { paymentId: payment.id, accountId: order.accountId };
      }
      await manager.update(Payment, payment.id, { status: 'SUCCEEDED', failureReason: null });
      await settleOrder(manager, null, order, 'CARD');
      return 'PAID';
    }
    if (intent.status === 'failed' && payment.failureReason !== intent.failureReason) {
      const reason = intent.failureReason ?? 'The card payment failed.';
      await manager.update(Payment, payment.id, { status: 'FAILED', failureReason: reason });
      if (order.status === 'AWAITING_PAYMENT') {
        await manager.update(Order, order.id, { paymentFailureReason: reason });
        const account = await manager.findOneByOrFail(Account, { id: order.accountId });
        await queueEmail(manager, {
          accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `payment-failed:${payment.id}:${reason}`.slice(0, 200),
          message: { template: 'PAYMENT_FAILED', orderCode: order.code, totalCents: order.totalCents, reason, link: portalUrl(`/area/ordini/${order.code}`) },
        });
      }
      await recordAudit(manager, null, { action: 'payment.failed', entityType: 'Payment', entityId: payment.id, accountId: order.accountId, after: { reason } }, 'payments');
      return 'FAILED';
    }
    return intent.status === 'failed' ? 'FAILED' : 'PENDING';
  });
  if (typeof outcome === 'string') return outcome;
  await refundCardPayment(db, processor, outcome);
  return 'REFUNDED';
}
