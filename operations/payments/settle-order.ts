import type { EntityManager } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import { Account, Order, type Invoice } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { today } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { applyPaidOrder } from '../billing/apply-paid-order';
import { issueInvoice } from '../billing/issue-invoice';
import { queueEmail } from '../notifications/queue-email';
import { queueOrderEvent } from '../webhooks/events';

/**
 * Everything that follows a payment, in the caller's transaction: the order is paid, the invoice
 * issued (next number of the year), the change applied and the order fulfilled, the customer and the webhooks told.
 * Either all of it commits or none of it.
 */
export async function settleOrder(manager: EntityManager, actor: Actor | null, order: Order, method: PaymentMethod): Promise<{ order: Order; invoice: Invoice | null }> {
  const day = today();
  const paid = { status: 'PAID' as const, paidAt: new Date(), paymentMethod: method, paymentFailureCode: null };
  Object.assign(order, paid);
  // An update, not save(): save would read the row again to find what changed.
  await manager.update(Order, order.id, paid);
  await recordAudit(manager, actor, { action: 'order.paid', entityType: 'Order', entityId: order.id, accountId: order.accountId, before: { status: 'AWAITING_PAYMENT' }, after: { status: 'PAID', method } });
  await queueOrderEvent(manager, 'order.paid', order);
  // The change is applied before the invoice takes its number: the year's counter row stays locked from then
  // until commit, and every payment waits for it, so as little as possible comes after it.
  const fulfilled = await applyPaidOrder(manager, actor, order.id, day);
  if (order.totalCents === 0) return { order: fulfilled, invoice: null };
  const account = await manager.findOneByOrFail(Account, { id: order.accountId });
  const invoice = await issueInvoice(manager, order, method, day, account);
  await queueEmail(manager, {
    accountId: account.id, toEmail: account.email, locale: account.locale, dedupeKey: `order-paid:${order.id}`,
    message: { template: 'ORDER_PAID', orderCode: order.code, totalCents: order.totalCents, invoiceNumber: invoiceNumber(invoice.year, invoice.number), link: portalUrl(`/area/ordini/${order.code}`) },
  });
  return { order: fulfilled, invoice };
}
