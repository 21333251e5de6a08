import type { DataSource } from 'typeorm';
import { Invoice, Order, OrderLine, Payment } from '@/entities';
import { byKey, groupedByKey, selectByKeys } from '../loading';

/** The orders with these ids, in their order (null for a missing one). */
export async function loadOrders(db: DataSource, ids: readonly string[]): Promise<(Order | null)[]> {
  return byKey(ids, await selectByKeys(db, Order, 'id', ids), (o) => o.id);
}

/** The lines of each order, in the order's order. */
export async function loadOrderLines(db: DataSource, orderIds: readonly string[]): Promise<OrderLine[][]> {
  return groupedByKey(orderIds, await selectByKeys(db, OrderLine, 'orderId', orderIds, { orderBy: ['orderId', 'position'] }), (l) => l.orderId);
}

/** The payments of each order, oldest first. */
export async function loadPaymentsOfOrders(db: DataSource, orderIds: readonly string[]): Promise<Payment[][]> {
  return groupedByKey(orderIds, await selectByKeys(db, Payment, 'orderId', orderIds, { orderBy: ['orderId', 'createdAt'] }), (p) => p.orderId);
}

/** The invoice of each order, if it has one. */
export async function loadInvoicesOfOrders(db: DataSource, orderIds: readonly string[]): Promise<(Invoice | null)[]> {
  return byKey(orderIds, await selectByKeys(db, Invoice, 'orderId', orderIds), (i) => i.orderId);
}
