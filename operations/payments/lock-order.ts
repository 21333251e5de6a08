import type { DataSource, EntityManager } from 'typeorm';
import { Order, Service } from '@/entities';
import { queryPrepared } from '@/lib/db/prepared';
import { columnsAs, entityFromRow } from '@/lib/db/select-entities';
import { memoPerObject } from '@/lib/memo';

export type OrderKey = { id: string } | { code: string };

/** A locked order and, when it has one, its service, locked before it. */
export interface LockedOrder { order: Order; service: Service | null }

// Written once per database from the entities' columns. `FOR UPDATE OF "service", "order"` locks each row
// found in that order: the service first, as every operation that changes a service's orders does.
const statements = memoPerObject<DataSource, string, string>();

function lockStatement(db: DataSource, key: 'id' | 'code', withService: boolean): string {
  return statements(db, `${key}:${withService}`, () => withService
    ? `SELECT ${columnsAs(db, Order, 'order')}, ${columnsAs(db, Service, 'service')}
       FROM "orders" "order" JOIN "services" "service" ON "service"."id" = "order"."service_id"
       WHERE "order"."${key}" = $1
       FOR UPDATE OF "service", "order"`
    : `SELECT ${columnsAs(db, Order, 'order')} FROM "orders" "order" WHERE "order"."${key}" = $1 FOR UPDATE`);
}

/**
 * Locks an order for a payment step, and its service first, as every operation that changes a service's
 * orders does, so two of them cannot deadlock: one statement for an order with a service (most of them),
 * a second one for an order without.
 */
export async function lockOrderAndService(manager: EntityManager, where: OrderKey): Promise<LockedOrder | null> {
  const db = manager.connection;
  const [key, value] = 'id' in where ? ['id' as const, where.id] : ['code' as const, where.code];
  const [row] = await queryPrepared<Record<string, unknown>>(manager, lockStatement(db, key, true), [value]);
  if (row) return { order: entityFromRow(db, Order, 'order', row), service: entityFromRow(db, Service, 'service', row) };
  const [alone] = await queryPrepared<Record<string, unknown>>(manager, lockStatement(db, key, false), [value]);
  return alone ? { order: entityFromRow(db, Order, 'order', alone), service: null } : null;
}

/** `lockOrderAndService` for a caller that needs the order alone. */
export async function lockOrder(manager: EntityManager, where: OrderKey): Promise<Order | null> {
  return (await lockOrderAndService(manager, where))?.order ?? null;
}
