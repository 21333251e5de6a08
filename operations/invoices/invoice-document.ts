import type { DataSource } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import { Invoice, InvoiceLine, Order, Payment } from '@/entities';
import type { InvoiceDocument } from '@/lib/invoice-pdf';
import { sellerSettings } from '@/lib/payments/settings';
import type { Actor } from '../actor';
import { invoiceInReach } from './invoice-in-reach';

/** Everything printed on an invoice or a credit note the actor may open (its own, a reseller's client's, any for the back office). */
export async function invoiceDocument(db: DataSource, actor: Actor, invoiceId: string): Promise<InvoiceDocument | null> {
  const invoice = await invoiceInReach(db, actor, invoiceId);
  if (!invoice) return null;
  const corrected = invoice.correctsInvoiceId ? await db.getRepository(Invoice).findOneByOrFail({ id: invoice.correctsInvoiceId }) : null;
  const orderId = (invoice.orderId ?? corrected!.orderId)!;
  const [lines, order, payment] = await Promise.all([
    db.getRepository(InvoiceLine).find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } }),
    db.getRepository(Order).findOneByOrFail({ id: orderId }),
    db.getRepository(Payment).findOneBy({ orderId, status: 'SUCCEEDED' }),
  ]);
  return {
    kind: invoice.kind,
    number: invoiceNumber(invoice.year, invoice.number),
    issuedOn: invoice.issuedOn,
    orderCode: order.code,
    corrects: corrected && { number: invoiceNumber(corrected.year, corrected.number), issuedOn: corrected.issuedOn, reason: invoice.reason! },
    paymentMethod: invoice.paymentMethod,
    testPayment: payment?.provider === 'TEST',
    seller: sellerSettings(),
    customer: invoice.billing,
    lines: lines.map(({ description, amountCents }) => ({ description, amountCents })),
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
  };
}
