import type { DataSource } from 'typeorm';
import { isCalendarDate } from '@/domain/calendar';
import { Order } from '@/entities';
import type { OrderStatus } from '@/entities/order';
import type { Actor } from '../actor';
import { Validation } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';
import { containing } from '../sql';

export interface OrderFilter { code?: string | null; from?: string | null; to?: string | null; status?: OrderStatus | null; clientId?: string | null }

/** The account's orders, newest first; by HCS code (or part of it), by the day placed, by status. */
export function listOrders(db: DataSource, actor: Actor, filter: OrderFilter, page: PageArgs): Promise<Page<Order>> {
  new Validation()
    .check(!filter.from || isCalendarDate(filter.from), 'filter.from', 'INVALID', 'from must be a date written YYYY-MM-DD')
    .check(!filter.to || isCalendarDate(filter.to), 'filter.to', 'INVALID', 'to must be a date written YYYY-MM-DD')
    .throwIfInvalid();
  const query = listedFor(db.getRepository(Order).createQueryBuilder('o'), 'o.accountId', actor, filter.clientId);
  const code = filter.code?.trim().toUpperCase();
  if (code) query.andWhere('o.code LIKE :code', { code: containing(code) });
  if (filter.from) query.andWhere('o.placedOn >= :from', { from: filter.from });
  if (filter.to) query.andWhere('o.placedOn <= :to', { to: filter.to });
  if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
  return keysetPage(query, { columns: ['o.placedOn', 'o.code'], direction: 'DESC', values: (o) => [o.placedOn, o.code] }, page);
}
