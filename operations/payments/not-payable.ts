import type { EntityManager } from 'typeorm';
import type { Order } from '@/entities';
import { UserInputError } from '../errors';
import { supersedingOrderCode } from '../orders/superseding-order';

/** Why an order no longer takes a payment, as the error its payer sees: a replaced order names the one to pay. */
export async function notPayable(manager: EntityManager, order: Order, field: string): Promise<UserInputError> {
  const replacement = await supersedingOrderCode(manager, order);
  const why = replacement ? `was replaced by order ${replacement}: pay that one instead`
    : order.status === 'CANCELLED' ? 'was cancelled' : 'is already paid';
  return new UserInputError('ORDER_NOT_PAYABLE', `order ${order.code} ${why}`, field);
}
