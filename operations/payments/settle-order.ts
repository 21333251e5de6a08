import type { EntityManager } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import type { Invoice, Order, Service } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { today } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import { queryPrepared } from '@/lib/db/prepared';
import type { Actor } from '../actor';
import { recordAuditEntries, type AuditEntry } from '../audit';
import { applyToService } from '../billing/apply-paid-order';
import { invoiceInputs, issueInvoice } from '../billing/issue-invoice';
import { queueEmail } from '../notifications/queue-email';
import { orderEvent, queueSettlementEvents } from '../webhooks/events';

// Paid and fulfilled at once: the trail tells both steps.
const PAID_AND_FULFILLED = `
  UPDATE "orders" SET "status" = $2, "paid_at" = $3, "payment_method" = $4, "payment_failure_code" = NULL, "fulfilled_at" = $5
  WHERE "id" = $1`;

/**
 * Everything that follows a payment, in the caller's transaction, the order and its `service` (null: the order has
 * none) locked by the caller: the order is paid, the change applied and the order fulfilled, the invoice issued
 * (next number of the year), the customer and the webhooks told. The trail's entries (the caller's `audit` first)
 * and the webhook events are written together, one statement each. Either all of it commits or none of it.
 */
export async function settleOrder(manager: EntityManager, actor: Actor | null, order: Order, service: Service | null, method: PaymentMethod, audit: readonly AuditEntry[] = []): Promise<{ order: Order; invoice: Invoice | null }> {
  const day = today();
  Object.assign(order, { status: 'PAID', paidAt: new Date(), paymentMethod: method, paymentFailureCode: null });
  const paid = orderEvent('order.paid', order);
  const trail: AuditEntry[] = [...audit,
    { action: 'order.paid', entityType: 'Order', entityId: order.id, accountId: order.accountId, before: { status: 'AWAITING_PAYMENT' }, after: { status: 'PAID', method } }];
  // The change is applied before the invoice takes its number: the year's counter row stays locked from then
  // until commit, and every payment waits for it, so as little as possible comes after it.
  const applied = await applyToService(manager, actor, order, service, day);
  await queryPrepared(manager, PAID_AND_FULFILLED, [order.id, order.status, order.paidAt, method, order.fulfilledAt]);
  await recordAuditEntries(manager, actor, [...trail, ...applied.audit]);
  await queueSettlementEvents(manager, [paid], applied.change);
  if (order.totalCents === 0) return { order, invoice: null };
  const inputs = await invoiceInputs(manager, order);
  const invoice = await issueInvoice(manager, order, method, day, inputs);
  const { account } = inputs;
  await queueEmail(manager, {
    accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `order-paid:${order.id}`,
    message: { template: 'ORDER_PAID', orderCode: order.code, totalCents: order.totalCents, invoiceNumber: invoiceNumber(invoice.year, invoice.number), link: portalUrl(`/area/ordini/${order.code}`) },
  });
  return { order, invoice };
}
