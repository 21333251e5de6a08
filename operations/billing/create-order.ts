import type { EntityManager } from 'typeorm';
import { yearOf, type CalendarDate } from '@/domain/calendar';
import { orderCode } from '@/domain/documents';
import { totalsOf } from '@/domain/money';
import { Order, OrderLine } from '@/entities';
import type { OrderKind, PaymentMethod } from '@/entities/order';
import { takeNextNumber } from './document-counter';

export interface NewOrderLine { kind: string; description: string; amountCents: number }

export interface NewOrder {
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
  lines: NewOrderLine[];
  /** The day the order is placed: its code carries that year. */
  placedOn: CalendarDate;
}

/** An order awaiting payment, with the next HCS code of the year and totals summed from its lines. */
export async function createOrder(manager: EntityManager, input: NewOrder): Promise<Order> {
  const year = yearOf(input.placedOn);
  const code = orderCode(year, await takeNextNumber(manager, 'ORDER', year));
  const order = await manager.save(Order, manager.create(Order, {
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
    ...totalsOf(input.lines.map((line) => line.amountCents)),
  }));
  await manager.insert(OrderLine, input.lines.map((line, position) => ({ orderId: order.id, position, ...line })));
  return order;
}
