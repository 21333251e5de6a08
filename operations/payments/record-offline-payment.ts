import type { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Order, Payment, type Invoice } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { queryPrepared } from '@/lib/db/prepared';
import type { Actor } from '../actor';
import { UserInputError, Validation } from '../errors';
import { lockOrderAndService } from './lock-order';
import { settleOrder } from './settle-order';
import { assertBackOffice } from '../scope';

export interface OfflinePayment { orderCode: string; amountCents: number; reference: string; method?: PaymentMethod | null }

/**
 * The back office records a bank transfer or postal slip received: the order is paid, invoiced and
 * applied. The amount must be the order's total; an order that is not awaiting payment is refused.
 */
export async function recordOfflinePayment(db: DataSource, actor: Actor, input: OfflinePayment): Promise<{ order: Order; invoice: Invoice | null }> {
  assertBackOffice(actor);
  const reference = input.reference.trim();
  new Validation()
    .check(Number.isSafeInteger(input.amountCents) && input.amountCents > 0, 'amountCents', 'INVALID', 'amountCents must be a positive whole number of cents')
    .check(reference.length > 0 && reference.length <= 255, 'reference', 'REQUIRED', "the bank's or post office's reference is required (at most 255 characters)")
    .check(input.method == null || input.method !== 'CARD', 'method', 'INVALID', 'an offline payment is a BANK_TRANSFER or a POSTAL_SLIP')
    .throwIfInvalid();
  return db.transaction(async (manager) => {
    const locked = await lockOrderAndService(manager, { code: input.orderCode.trim().toUpperCase() });
    if (!locked) throw new UserInputError('NOT_FOUND', 'no order with this code', 'orderCode');
    const { order, service } = locked;
    if (order.status === 'PAID' || order.status === 'FULFILLED') throw new UserInputError('ALREADY_PAID', `order ${order.code} is already paid`, 'orderCode');
    if (order.status !== 'AWAITING_PAYMENT') throw new UserInputError('ORDER_NOT_PAYABLE', `order ${order.code} was cancelled`, 'orderCode');
    if (input.amountCents !== order.totalCents) {
      throw new UserInputError('AMOUNT_MISMATCH', `the amount received (${input.amountCents} cents) differs from the order total (${order.totalCents} cents)`, 'amountCents');
    }
    const method: PaymentMethod = input.method ?? (order.paymentMethod === 'POSTAL_SLIP' ? 'POSTAL_SLIP' : 'BANK_TRANSFER');
    const paymentId = await insertUnlessReferenceTaken(manager, [order.id, method, input.amountCents, reference, `offline-${randomUUID()}`, actor.userId]);
    if (!paymentId) throw await referenceTaken(manager, reference);
    const recorded = { action: 'payment.recorded', entityType: 'Payment', entityId: paymentId, accountId: order.accountId, after: { orderCode: order.code, method, amountCents: input.amountCents, reference } };
    return settleOrder(manager, actor, order, service, method, [recorded]);
  });
}

// Nothing to update: ON CONFLICT … DO NOTHING, on UQ_payments_provider_reference (a partial index).
const INSERT_PAYMENT = `
  INSERT INTO "payments" ("order_id", "method", "provider", "status", "amount_cents", "provider_reference", "idempotency_key", "recorded_by_user_id")
  VALUES ($1, $2, 'OFFLINE', 'SUCCEEDED', $3, $4, $5, $6)
  ON CONFLICT ("provider", "provider_reference") WHERE "provider_reference" IS NOT NULL DO NOTHING
  RETURNING "id"`;

/**
 * Inserts the payment unless an offline payment already has its reference (UQ_payments_provider_reference).
 * A concurrent recording of the same reference makes the insert wait for its outcome: committed, this
 * one inserts nothing (and its transaction stays usable); rolled back, this one goes ahead.
 */
async function insertUnlessReferenceTaken(manager: EntityManager, values: [orderId: string, method: PaymentMethod, amountCents: number, reference: string, idempotencyKey: string, recordedByUserId: string]): Promise<string | null> {
  const [inserted] = await queryPrepared<{ id: string }>(manager, INSERT_PAYMENT, values);
  return inserted?.id ?? null;
}

async function referenceTaken(manager: EntityManager, reference: string): Promise<UserInputError> {
  const holder = await manager.createQueryBuilder(Order, 'o')
    .innerJoin(Payment, 'p', 'p.orderId = o.id')
    .where('p.provider = :provider AND p.providerReference = :reference', { provider: 'OFFLINE', reference })
    .getOneOrFail();
  return new UserInputError('REFERENCE_TAKEN', `the reference ${reference} was already recorded for order ${holder.code}`, 'reference');
}
