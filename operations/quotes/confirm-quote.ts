import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Cancellation, Order, Quote, Service } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { now } from '@/lib/clock';
import { queryPrepared } from '@/lib/db/prepared';
import { columnsAs, entityFromRow } from '@/lib/db/select-entities';
import { memoPerObject } from '@/lib/memo';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { cancelOpenOrder } from '../billing/cancel-order';
import { assertBillingComplete } from '../billing-details/billing-complete';
import { createOrder, NEXT_ORDER_NUMBER } from '../billing/create-order';
import { UserInputError } from '../errors';
import { cardSessionFor } from '../payments/card-session-for';
import { settleOrder } from '../payments/settle-order';
import type { CardPaymentSession } from '../payments/start-card-payment';
import { reachSql } from '../scope';
import { quoteExpired } from './quote-validity';
import { recordCancellation } from './record-cancellation';
import { alreadyCancelled, cancellationPending } from './service-in-reach';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['CARD', 'BANK_TRANSFER', 'POSTAL_SLIP'];

export interface Confirmation { quoteId: string; paymentMethod?: PaymentMethod | null; idempotencyKey?: string | null }
export interface Confirmed { quote: Quote; order: Order | null; cancellation: Cancellation | null; cardPayment?: CardPaymentSession | null }

// The quote and its service, both locked for the transaction, in one statement; written once per
// database and reach condition from the entities' columns (the query builder would build it again for
// every confirmation).
const lockStatements = memoPerObject<DataSource, string, string>();

function lockStatement(db: DataSource, reach: string): string {
  return lockStatements(db, reach, () => `
    SELECT ${columnsAs(db, Quote, 'quote')}, ${columnsAs(db, Service, 'service')}
    FROM "quotes" "quote" JOIN "services" "service" ON "service"."id" = "quote"."service_id"
    WHERE "quote"."id" = $1 AND ${reach}
    FOR UPDATE OF "quote", "service"`);
}

async function lockOwnQuote(manager: EntityManager, actor: Actor, quoteId: string): Promise<{ quote: Quote; service: Service }> {
  const notFound = () => new UserInputError('NOT_FOUND', 'no quote with this id', 'quoteId');
  if (!isUuid(quoteId)) throw notFound();
  const db = manager.connection;
  const reach = reachSql(actor, 'own', '"quote"."account_id"', 2);
  const [row] = await queryPrepared<Record<string, unknown>>(manager, lockStatement(db, reach.condition), [quoteId, ...reach.parameters]);
  if (!row) throw notFound();
  const service = entityFromRow(db, Service, 'service', row);
  return { quote: Object.assign(entityFromRow(db, Quote, 'quote', row), { service }), service };
}

async function resultOf(manager: EntityManager, quote: Quote): Promise<Confirmed> {
  return {
    quote,
    order: await manager.findOneBy(Order, { quoteId: quote.id }),
    cancellation: await manager.findOneBy(Cancellation, { quoteId: quote.id }),
  };
}

// In one statement: the service's unpaid order, if any, whether a cancellation is confirmed, and (when
// the confirmation places an order, $2) the order's number, which saves a round trip on this path. A
// confirmation refused after it leaves a gap, as a rolled-back order does.
const SERVICE_STATE = `
  SELECT (SELECT id FROM "orders" WHERE service_id = $1 AND status = 'AWAITING_PAYMENT') AS "openOrderId",
         EXISTS (SELECT 1 FROM "cancellations" WHERE service_id = $1 AND status = 'CONFIRMED') AS "cancelled",
         CASE WHEN $2 THEN ${NEXT_ORDER_NUMBER} END AS "orderNumber"`;

interface ServiceState { openOrderId: string | null; cancelled: boolean; orderNumber: number | null }

/**
 * The quote still describes the service: same revision, same open order, same cancellation state.
 * Returns the open order the confirmation supersedes, and the number of the order it places.
 */
async function assertCurrent(manager: EntityManager, quote: Quote, service: Service): Promise<ServiceState> {
  const stale = () => new UserInputError('QUOTE_STALE', 'the service changed since this quote was made: ask for a new quote', 'quoteId');
  if (service.revision !== quote.serviceRevision || service.status !== 'ACTIVE') throw stale();
  const [state] = await queryPrepared<ServiceState>(manager, SERVICE_STATE, [service.id, quote.kind === 'SERVICE_CHANGE']);
  if (state.openOrderId !== quote.supersedesOrderId) throw stale();
  if (state.cancelled) {
    throw quote.kind === 'CANCELLATION' ? alreadyCancelled('quoteId') : cancellationPending('quoteId');
  }
  return state;
}

async function placeChangeOrder(manager: EntityManager, actor: Actor, quote: Quote, service: Service, paymentMethod: PaymentMethod, number: number): Promise<Order> {
  const order = await createOrder(manager, {
    number,
    kind: quote.direction!,
    accountId: service.accountId,
    serviceId: service.id,
    quoteId: quote.id,
    targetProductId: quote.targetProductId,
    nearExpiry: quote.nearExpiry,
    newExpiresOn: quote.newExpiresOn === service.expiresOn ? null : quote.newExpiresOn,
    newRecurringPriceCents: quote.newRecurringPriceCents,
    paymentMethod,
    createdByUserId: actor.userId,
    // What the quote fixed, even if the billing data changed since.
    lines: quote.lines,
    netCents: quote.netCents,
    vatCents: quote.vatCents,
    totalCents: quote.totalCents,
    taxProfile: quote.taxProfile,
    vatRatePercent: quote.vatRatePercent,
    vatNatura: quote.vatNatura,
    placedOn: quote.pricedOn,
  });
  await recordAudit(manager, actor, {
    action: 'order.created', entityType: 'Order', entityId: order.id, accountId: order.accountId,
    after: { code: order.code, kind: order.kind, totalCents: order.totalCents, paymentMethod, quoteId: quote.id, targetProductId: quote.targetProductId },
  });
  // Nothing to collect (a free downgrade): applied at once, without an invoice.
  if (order.totalCents === 0) await settleOrder(manager, actor, order, service, paymentMethod);
  return order;
}

/**
 * Commits a quote exactly as it was priced: a change becomes an order awaiting payment, a
 * cancellation is recorded. Confirming again (or with the same idempotency key) returns the same
 * result; concurrent confirmations wait on the quote's lock and get that result too.
 */
export async function confirmQuote(db: DataSource, actor: Actor, confirmation: Confirmation): Promise<Confirmed> {
  const key = confirmation.idempotencyKey?.trim() || null;
  if (key && key.length > 200) throw new UserInputError('INVALID', 'idempotencyKey must be at most 200 characters', 'idempotencyKey');
  const confirmed = await commitQuote(db, actor, confirmation, key);
  return { ...confirmed, cardPayment: await cardSessionFor(db, confirmed.order) };
}

async function commitQuote(db: DataSource, actor: Actor, confirmation: Confirmation, key: string | null): Promise<Confirmed> {
  return db.transaction(async (manager) => {
    const { quote, service } = await lockOwnQuote(manager, actor, confirmation.quoteId);
    if (key) {
      const earlier = await manager.findOneBy(Quote, { accountId: quote.accountId, idempotencyKey: key });
      if (earlier && earlier.id !== quote.id) throw new UserInputError('IDEMPOTENCY_KEY_REUSED', 'this idempotency key was used to confirm another quote', 'idempotencyKey');
    }
    if (quote.confirmedAt) return resultOf(manager, quote);
    if (quoteExpired(quote, now())) throw new UserInputError('QUOTE_EXPIRED', 'the quote expired: ask for a new one', 'quoteId');
    if (quote.kind === 'SERVICE_CHANGE' && !confirmation.paymentMethod) {
      throw new UserInputError('REQUIRED', 'choose a payment method: CARD, BANK_TRANSFER or POSTAL_SLIP', 'paymentMethod');
    }
    // Something to pay starts a payment: the billed account's e-invoice must be possible. A free change needs none.
    if (quote.kind === 'SERVICE_CHANGE' && quote.totalCents > 0) await assertBillingComplete(manager, service.accountId);

    const { openOrderId: superseded, orderNumber } = await assertCurrent(manager, quote, service);
    if (superseded) await cancelOpenOrder(manager, actor, { id: superseded, accountId: service.accountId }, quote.kind === 'CANCELLATION' ? 'SERVICE_CANCELLED' : 'SUPERSEDED');

    const order = quote.kind === 'SERVICE_CHANGE' ? await placeChangeOrder(manager, actor, quote, service, confirmation.paymentMethod!, orderNumber!) : null;
    const cancellation = quote.kind === 'CANCELLATION' ? await recordCancellation(manager, actor, quote, service) : null;
    Object.assign(quote, { confirmedAt: now(), idempotencyKey: key });
    await manager.query(`UPDATE "quotes" SET "confirmed_at" = $1, "idempotency_key" = $2 WHERE "id" = $3`, [quote.confirmedAt, key, quote.id]);
    return { quote, order, cancellation };
  });
}
