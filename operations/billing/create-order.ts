import type { EntityManager } from 'typeorm';
import { yearOf, type CalendarDate } from '@/domain/calendar';
import { orderCode } from '@/domain/documents';
import type { TaxedLines } from '@/domain/billing/taxed-lines';
import { Order, OrderLine } from '@/entities';
import type { OrderKind, PaymentMethod } from '@/entities/order';
import { queueOrderEvent } from '../webhooks/events';

/** The order's lines, totals and tax, as its quote fixed them or `taxedLines` priced them. */
export interface NewOrder extends TaxedLines {
  kind: OrderKind;
  accountId: string;
  serviceId: string | null;
  quoteId?: string | null;
  targetProductId?: string | null;
  nearExpiry?: boolean;
  newExpiresOn?: CalendarDate | null;
  newRecurringPriceCents?: number | null;
  paymentMethod?: PaymentMethod | null;
  createdByUserId?: string | null;
  /** The day the order is placed: its code carries that year. */
  placedOn: CalendarDate;
  /** A number already taken with NEXT_ORDER_NUMBER in an earlier statement; otherwise one is taken here. */
  number?: number;
}

/** SQL that takes the next order number. */
export const NEXT_ORDER_NUMBER = `nextval('order_number_seq')::int`;

/**
 * An order awaiting payment, with the lines, totals and tax it is given. Its HCS code carries the year it was
 * placed and a number from one sequence: taken without a lock, so concurrent orders never wait on
 * each other; a rolled-back order leaves a gap, which codes (unlike invoice numbers) may have.
 */
export async function createOrder(manager: EntityManager, input: NewOrder): Promise<Order> {
  const number = input.number ?? (await manager.query(`SELECT ${NEXT_ORDER_NUMBER} AS number`))[0].number;
  const code = orderCode(yearOf(input.placedOn), number);
  const order = manager.create(Order, {
    code,
    placedOn: input.placedOn,
    kind: input.kind,
    status: 'AWAITING_PAYMENT',
    accountId: input.accountId,
    serviceId: input.serviceId,
    quoteId: input.quoteId ?? null,
    targetProductId: input.targetProductId ?? null,
    nearExpiry: input.nearExpiry ?? false,
    newExpiresOn: input.newExpiresOn ?? null,
    newRecurringPriceCents: input.newRecurringPriceCents ?? null,
    paymentMethod: input.paymentMethod ?? null,
    createdByUserId: input.createdByUserId ?? null,
    netCents: input.netCents,
    vatCents: input.vatCents,
    totalCents: input.totalCents,
    taxProfile: input.taxProfile,
    vatRatePercent: input.vatRatePercent,
    vatNatura: input.vatNatura,
  });
  // insert rather than save: a new row has nothing to diff or cascade.
  Object.assign(order, (await manager.insert(Order, order)).generatedMaps[0]);
  await manager.insert(OrderLine, input.lines.map((line, position) => ({ orderId: order.id, position, ...line })));
  await queueOrderEvent(manager, 'order.created', order);
  return order;
}
