import type { DataSource } from 'typeorm';
import { Order, Payment } from '@/entities';
import { chargeTestCard } from '@/lib/payments/test-processor';
import { stripeSettings } from '@/lib/payments/settings';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { findOrder } from '../orders/find-order';
import { applyCardOutcome, type CardOutcome } from './card-outcome';
import { notPayable } from './not-payable';

/**
 * The test processor's card form: charges a test card number against the session's intent, then
 * takes the same path as a Stripe webhook (re-read the intent, apply it). Only without Stripe keys.
 * The card of an order that no longer awaits payment is not charged: nothing is recorded.
 */
export async function payWithTestCard(db: DataSource, actor: Actor, clientSecret: string, cardNumber: string): Promise<{ outcome: CardOutcome; order: Order; payment: Payment }> {
  if (stripeSettings()) throw new UserInputError('NOT_AVAILABLE', 'card payments go through Stripe: the test processor is off', 'clientSecret');
  const notFound = new UserInputError('NOT_FOUND', 'no card payment with this client secret', 'clientSecret');
  const intentId = clientSecret.split('_secret_')[0];
  const attempt = { provider: 'TEST' as const, providerReference: intentId };
  const payment = await db.getRepository(Payment).findOneBy(attempt);
  const owned = payment && (await db.getRepository(Order).findOneBy({ id: payment.orderId }));
  const order = owned && (await findOrder(db, actor, owned.code));
  if (!payment || !order) throw notFound;
  if (order.status !== 'AWAITING_PAYMENT' && payment.status !== 'SUCCEEDED') throw await notPayable(db.manager, order, 'clientSecret');
  if (!(await chargeTestCard(db, clientSecret, cardNumber))) throw notFound;
  const outcome = await applyCardOutcome(db, intentId);
  return { outcome, order: (await findOrder(db, actor, order.code))!, payment: await db.getRepository(Payment).findOneByOrFail(attempt) };
}
