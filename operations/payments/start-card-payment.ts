import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Payment, type Order } from '@/entities';
import { cardProcessor } from '@/lib/payments/processor';
import { UserInputError } from '../errors';
import { lockOrder } from './lock-order';
import { notPayable } from './not-payable';

/** What the portal needs to collect a card: Stripe Elements' client secret and key, or the test processor's. */
export interface CardPaymentSession {
  paymentId: string;
  provider: 'STRIPE' | 'TEST';
  clientSecret: string;
  publishableKey: string | null;
  amountCents: number;
}

/**
 * Opens (or reopens) the card payment of an order awaiting payment. The payment row and its
 * idempotency key are stored before the provider is called, so a retry after a crash or a
 * timeout reaches the same PaymentIntent and money can never be collected twice for one attempt.
 * An attempt that failed is kept as it is: paying again opens a new one.
 */
export async function startCardPayment(db: DataSource, orderId: string): Promise<CardPaymentSession> {
  const processor = cardProcessor(db);
  const { payment, order } = await db.transaction(async (manager) => {
    const locked = await lockOrder(manager, { id: orderId });
    if (!locked) throw new UserInputError('NOT_FOUND', 'no order with this code', 'code');
    if (locked.status !== 'AWAITING_PAYMENT') throw await notPayable(manager, locked, 'code');
    const reusable = await manager.createQueryBuilder(Payment, 'p')
      .where(`p.orderId = :orderId AND p.method = 'CARD' AND p.provider = :provider AND p.amountCents = :amount AND p.status = 'PENDING'`,
        { orderId: locked.id, provider: processor.provider, amount: locked.totalCents })
      .orderBy('p.createdAt', 'DESC').getOne();
    const attempt = reusable ?? await manager.save(Payment, manager.create(Payment, {
      orderId: locked.id, method: 'CARD', provider: processor.provider, status: 'PENDING', amountCents: locked.totalCents, idempotencyKey: `card-${randomUUID()}`,
    }));
    return { payment: attempt, order: locked as Order };
  });
  const intent = await processor.createIntent({ amountCents: payment.amountCents, orderCode: order.code, orderId: order.id, idempotencyKey: payment.idempotencyKey });
  if (payment.providerReference !== intent.id) await db.getRepository(Payment).update(payment.id, { providerReference: intent.id });
  return { paymentId: payment.id, provider: processor.provider, clientSecret: intent.clientSecret, publishableKey: processor.publishableKey, amountCents: payment.amountCents };
}
