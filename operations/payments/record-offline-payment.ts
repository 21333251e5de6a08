import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Payment, type Invoice, type Order } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { lockOrder } from './lock-order';
import { settleOrder } from './settle-order';

export interface OfflinePayment { orderCode: string; amountCents: number; reference: string; method?: PaymentMethod | null }

/**
 * The back office records a bank transfer or postal slip received: the order is paid, invoiced and
 * applied. The amount must be the order's total; an order that is not awaiting payment is refused.
 */
export async function recordOfflinePayment(db: DataSource, actor: Actor, input: OfflinePayment): Promise<{ order: Order; invoice: Invoice | null }> {
  const reference = input.reference.trim();
  new Validation()
    .check(Number.isSafeInteger(input.amountCents) && input.amountCents > 0, 'amountCents', 'INVALID', 'amountCents must be a positive whole number of cents')
    .check(reference.length > 0 && reference.length <= 255, 'reference', 'REQUIRED', "the bank's or post office's reference is required (at most 255 characters)")
    .check(input.method == null || input.method !== 'CARD', 'method', 'INVALID', 'an offline payment is a BANK_TRANSFER or a POSTAL_SLIP')
    .throwIfInvalid();
  return db.transaction(async (manager) => {
    const order = await lockOrder(manager, { code: input.orderCode.trim().toUpperCase() });
    if (!order) throw new UserInputError('NOT_FOUND', 'no order with this code', 'orderCode');
    if (order.status === 'PAID' || order.status === 'FULFILLED') throw new UserInputError('ALREADY_PAID', `order ${order.code} is already paid`, 'orderCode');
    if (order.status !== 'AWAITING_PAYMENT') throw new UserInputError('ORDER_NOT_PAYABLE', `order ${order.code} was cancelled`, 'orderCode');
    if (input.amountCents !== order.totalCents) {
      throw new UserInputError('AMOUNT_MISMATCH', `the amount received (${input.amountCents} cents) differs from the order total (${order.totalCents} cents)`, 'amountCents');
    }
    const method: PaymentMethod = input.method ?? (order.paymentMethod === 'POSTAL_SLIP' ? 'POSTAL_SLIP' : 'BANK_TRANSFER');
    const payment = await manager.save(Payment, manager.create(Payment, {
      orderId: order.id, method, provider: 'OFFLINE', status: 'SUCCEEDED', amountCents: input.amountCents,
      providerReference: reference, idempotencyKey: `offline-${randomUUID()}`, recordedByUserId: actor.userId,
    }));
    await recordAudit(manager, actor, { action: 'payment.recorded', entityType: 'Payment', entityId: payment.id, accountId: order.accountId, after: { orderCode: order.code, method, amountCents: payment.amountCents, reference } });
    return settleOrder(manager, actor, order, method);
  });
}
