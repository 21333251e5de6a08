import type { EntityManager } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import type { WebhookEventType } from '@/domain/webhooks';
import type { Cancellation, Invoice, Order, Service } from '@/entities';
import { givenEventsSql, queueWebhookEvent, queueWebhookEventsFrom, type WebhookEventInput } from './queue-events';

// What each event's `data` carries (docs/api.md, Webhooks): stable ids (service id, order code, invoice number), never internals.

/** A service as events tell it, from `s` (services) and `p` (its product). */
const SERVICE_DATA = `jsonb_build_object('accountId', s.account_id, 'serviceId', s.id, 'domain', s.domain, 'productCode', p.code, 'status', s.status,
  'expiresOn', to_char(s.expires_on, 'YYYY-MM-DD'), 'deactivatedOn', to_char(s.deactivated_on, 'YYYY-MM-DD'))`;

/**
 * Events about services, one per row of `from` (which names the service `s`) kept by `where`: `key` and `extra` (a
 * jsonb merged into the service's data) are SQL over those rows; `parameters` are the statement's.
 */
export function queueServiceEvents(manager: EntityManager, type: WebhookEventType, rows: ServiceEventRows, parameters: unknown[]): Promise<void> {
  return queueWebhookEventsFrom(manager, serviceEventsSql(type, rows), parameters);
}

export interface ServiceEventRows { from: string; where: string; key: string; extra?: string }

/** The events of `queueServiceEvents` as SQL yielding what `queueWebhookEventsFrom` takes. */
function serviceEventsSql(type: WebhookEventType, rows: ServiceEventRows): string {
  return `
    SELECT s.account_id, '${type}'::varchar AS event_type, ${rows.key} AS event_key, ${SERVICE_DATA}${rows.extra ? ` || ${rows.extra}` : ''} AS data
    FROM ${rows.from} JOIN "products" p ON p.id = s.product_id WHERE ${rows.where}`;
}

/** A service changed by a paid order (its `kind`, its `code`): the `service.changed` event, read from the service as it is now. */
export interface ServiceChange { serviceId: string; orderCode: string; kind: string }

const SERVICE_CHANGED: ServiceEventRows = {
  from: `"services" s`, where: 's.id = $1', key: `'service.changed:' || s.id || ':' || $2`, extra: `jsonb_build_object('change', $3::text, 'orderCode', $2::text)`,
};

// The events of a settlement in one statement, its text fixed: the events given whole, then the service's change.
const SETTLEMENT_EVENTS = `${givenEventsSql('$4')} UNION ALL ${serviceEventsSql('service.changed', SERVICE_CHANGED)}`;

/**
 * The webhook events of a settlement, in one statement: `events` given whole (the order's), then the
 * `service.changed` of `change` (none when null).
 */
export function queueSettlementEvents(manager: EntityManager, events: readonly WebhookEventInput[], change: ServiceChange | null): Promise<void> {
  return queueWebhookEventsFrom(manager, SETTLEMENT_EVENTS, [change?.serviceId ?? null, change?.orderCode ?? null, change?.kind ?? null, JSON.stringify(events)], { prepared: true });
}

/** An event about an order, its data the order as it is now. */
export function orderEvent(type: 'order.created' | 'order.paid', order: Order): WebhookEventInput {
  const data = { accountId: order.accountId, orderCode: order.code, kind: order.kind, status: order.status, serviceId: order.serviceId, placedOn: order.placedOn, totalCents: order.totalCents };
  return { accountId: order.accountId, type, key: `${type}:${order.code}`, data };
}

export function queueOrderEvent(manager: EntityManager, type: 'order.created' | 'order.paid', order: Order): Promise<void> {
  return queueWebhookEvent(manager, orderEvent(type, order));
}

/**
 * An issued document: the invoice of a paid order (`order`), or a credit note correcting `corrects`.
 * Both are numbered in the same yearly sequence and sent to the SdI, so integrators book both.
 */
export function queueInvoiceIssued(manager: EntityManager, invoice: Invoice, of: { order: Order } | { corrects: Invoice }): Promise<void> {
  const number = invoiceNumber(invoice.year, invoice.number);
  return queueWebhookEvent(manager, {
    accountId: invoice.accountId, type: 'invoice.issued', key: `invoice.issued:${number}`,
    data: {
      accountId: invoice.accountId, invoiceNumber: number, kind: invoice.kind,
      orderCode: 'order' in of ? of.order.code : null,
      correctsInvoiceNumber: 'corrects' in of ? invoiceNumber(of.corrects.year, of.corrects.number) : null,
      issuedOn: invoice.issuedOn, netCents: invoice.netCents, vatCents: invoice.vatCents, totalCents: invoice.totalCents,
    },
  });
}

export function queueCancellationEvent(manager: EntityManager, type: 'cancellation.confirmed' | 'cancellation.withdrawn', cancellation: Cancellation, service: Service): Promise<void> {
  return queueWebhookEvent(manager, {
    accountId: service.accountId, type, key: `${type}:${cancellation.id}`,
    data: { accountId: service.accountId, serviceId: service.id, domain: service.domain, cancellationId: cancellation.id, effectiveOn: cancellation.effectiveOn, reason: cancellation.reason },
  });
}
