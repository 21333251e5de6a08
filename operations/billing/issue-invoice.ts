import type { EntityManager } from 'typeorm';
import { yearOf, type CalendarDate } from '@/domain/calendar';
import { Account, Invoice, InvoiceLine, OrderLine, type Order } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { billingSnapshot } from '../billing-details/account-billing';
import { issueEInvoice, takeProgressive } from '../einvoices/issue-e-invoice';
import { queueInvoiceIssued } from '../webhooks/events';
import { nextNumberSql } from './document-counter';

/**
 * Issues the invoice of a paid order, with the next number of the year and the billing data as it is now, and its
 * e-invoice. The tax is the order's, fixed when it was quoted, whatever the billing data says today. `account` is
 * the order's, when the caller has it already.
 */
export async function issueInvoice(manager: EntityManager, order: Order, method: PaymentMethod, issuedOn: CalendarDate, account?: Account): Promise<Invoice> {
  const billed = account ?? await manager.findOneByOrFail(Account, { id: order.accountId });
  const lines = await manager.find(OrderLine, { where: { orderId: order.id }, order: { position: 'ASC' } });
  const year = yearOf(issuedOn);
  const progressive = await takeProgressive(manager);
  // The number is taken by the invoice's own insert: from then the year's counter row is locked until commit,
  // and only the invoice's lines, its e-invoice, the webhooks' invoice.issued deliveries and the email follow.
  const invoice = manager.create(Invoice, {
    year,
    accountId: order.accountId,
    orderId: order.id,
    issuedOn,
    billing: billingSnapshot(billed),
    netCents: order.netCents,
    vatCents: order.vatCents,
    totalCents: order.totalCents,
    taxProfile: order.taxProfile,
    vatRatePercent: order.vatRatePercent,
    vatNatura: order.vatNatura,
    paymentMethod: method,
  });
  await manager.createQueryBuilder().insert().into(Invoice)
    .addCommonTableExpression(nextNumberSql(':series', ':year'), 'taken')
    // The number's SQL stands in for it until RETURNING sets it on the entity, with the id and the defaults.
    .values(Object.assign(invoice, { number: () => '(SELECT "last_value" FROM "taken")' }))
    .setParameters({ series: 'INVOICE', year })
    .returning(['number'])
    .execute();
  const invoiceLines = lines.map((line) => ({ invoiceId: invoice.id, position: line.position, description: line.description, amountCents: line.amountCents }));
  await manager.insert(InvoiceLine, invoiceLines);
  await issueEInvoice(manager, invoice, { lines: invoiceLines, progressive });
  await queueInvoiceIssued(manager, invoice, { order });
  return invoice;
}
