import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { invoiceNumber } from '@/domain/documents';
import type { EInvoiceDocument, Payment, Seller } from '@/domain/einvoice/document';
import { eInvoiceFileName } from '@/domain/einvoice/file-name';
import { buildFpr12 } from '@/domain/einvoice/fpr12';
import { EInvoice, Invoice, InvoiceLine } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { offlinePaymentSettings, sellerSettings } from '@/lib/payments/settings';
import { customerOf, vatOfInvoice } from './invoice-facts';

function sellerOf(): Seller {
  const seller = sellerSettings();
  return {
    vatNumber: seller.vatNumber,
    fiscalCode: seller.fiscalCode,
    name: seller.name,
    address: { street: seller.street, postalCode: seller.postalCode, city: seller.city, province: seller.province },
    regimeFiscale: seller.regimeFiscale,
    email: seller.email,
  };
}

/** How the invoice was paid, with the seller's account for a transfer (MP05 wants the IBAN). */
function paymentOf(method: PaymentMethod): Payment {
  const offline = offlinePaymentSettings();
  switch (method) {
    case 'CARD': return { method: 'CARD' };
    case 'BANK_TRANSFER': return { method: 'BANK_TRANSFER', beneficiary: offline.bankBeneficiary, iban: offline.bankIban, bankName: offline.bankName };
    case 'POSTAL_SLIP': return { method: 'POSTAL_SLIP', beneficiary: offline.postalBeneficiary };
  }
}

/** The FatturaPA model of an invoice row, everything read from the row (and the invoice a credit note corrects). */
async function documentOf(manager: EntityManager, invoice: Invoice, seller: Seller, progressive: number): Promise<EInvoiceDocument> {
  const lines = await manager.find(InvoiceLine, { where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
  const { kind, correctsInvoiceId, reason } = invoice;
  const corrected = correctsInvoiceId ? await manager.findOneByOrFail(Invoice, { id: correctsInvoiceId }) : null;
  const vat = vatOfInvoice(invoice);
  return {
    kind,
    number: invoiceNumber(invoice.year, invoice.number),
    issuedOn: invoice.issuedOn,
    seller,
    customer: customerOf(invoice),
    lines: lines.map((line) => ({ description: line.description, amountCents: line.amountCents, vat })),
    totals: { netCents: invoice.netCents, vatCents: invoice.vatCents, totalCents: invoice.totalCents },
    // A credit note's refund is not a payment of the customer's: it carries no DatiPagamento.
    payment: kind === 'INVOICE' ? paymentOf(invoice.paymentMethod) : null,
    corrects: corrected && { number: invoiceNumber(corrected.year, corrected.number), issuedOn: corrected.issuedOn },
    reason,
    progressive,
  };
}

/**
 * Writes a new FatturaPA file of the invoice (TO_SEND), in the caller's transaction: the next progressive of
 * the sequence, its file name, and the XML built from the invoice row and the seller's configuration. `id` is
 * given by a resend, which points the rejected file at it first.
 */
export async function writeEInvoice(manager: EntityManager, invoice: Invoice, id: string = randomUUID()): Promise<EInvoice> {
  const [{ progressive }]: { progressive: string }[] = await manager.query(`SELECT nextval('e_invoice_file_seq') AS progressive`);
  const seller = sellerOf();
  const document = await documentOf(manager, invoice, seller, Number(progressive));
  return manager.save(EInvoice, manager.create(EInvoice, {
    id,
    invoiceId: invoice.id,
    fileName: eInvoiceFileName(seller.vatNumber, document.progressive),
    progressive: document.progressive,
    xml: buildFpr12(document),
  }));
}

/**
 * Every invoice and credit note is also a FatturaPA document (docs/product-rules.md, Electronic invoices): called
 * in the transaction that issues it, so the two commit together; the transmission worker sends it after commit.
 */
export function issueEInvoice(manager: EntityManager, invoice: Invoice): Promise<EInvoice> {
  return writeEInvoice(manager, invoice);
}
