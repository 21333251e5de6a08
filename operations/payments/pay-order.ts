import type { DataSource } from 'typeorm';
import { Order } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { assertBillingComplete } from '../billing-details/billing-complete';
import { UserInputError } from '../errors';
import { findOrder } from '../orders/find-order';
import { lockOrder } from './lock-order';
import { notPayable } from './not-payable';
import { startCardPayment, type CardPaymentSession } from './start-card-payment';

/**
 * (Re)starts the payment of an order awaiting payment, with any method: a card session, or the offline instructions.
 * Refused while the billed account's data lacks what its e-invoice needs.
 */
export async function payOrder(db: DataSource, actor: Actor, code: string, method: PaymentMethod): Promise<{ order: Order; cardPayment: CardPaymentSession | null }> {
  const visible = await findOrder(db, actor, code);
  if (!visible) throw new UserInputError('NOT_FOUND', 'no order with this code', 'code');
  const order = await db.transaction(async (manager) => {
    const locked = (await lockOrder(manager, { id: visible.id }))!;
    if (locked.status !== 'AWAITING_PAYMENT') throw await notPayable(manager, locked, 'code');
    await assertBillingComplete(manager, locked.accountId);
    if (locked.paymentMethod !== method) {
      await manager.update(Order, locked.id, { paymentMethod: method });
      await recordAudit(manager, actor, { action: 'order.payment_method_changed', entityType: 'Order', entityId: locked.id, accountId: locked.accountId, before: { paymentMethod: locked.paymentMethod }, after: { paymentMethod: method } });
      locked.paymentMethod = method;
    }
    return locked;
  });
  return { order, cardPayment: method === 'CARD' ? await startCardPayment(db, order.id) : null };
}
