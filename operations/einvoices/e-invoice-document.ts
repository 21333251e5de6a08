import { invoiceNumber } from '@/domain/documents';
import type { EInvoiceDocument, Payment, Seller } from '@/domain/einvoice/document';
import type { Invoice } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { offlinePaymentSettings, sellerSettings } from '@/lib/payments/settings';
import { customerOf, vatOfInvoice } from './invoice-facts';

export function sellerOf(): Seller {
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

/** The invoice's fields the FatturaPA document is made of. */
export type DocumentedInvoice = Pick<Invoice, 'id' | 'kind' | 'year' | 'number' | 'issuedOn' | 'billing' | 'netCents' | 'vatCents' | 'totalCents' | 'taxProfile' | 'vatRatePercent' | 'vatNatura' | 'paymentMethod' | 'reason'>;

/** The FatturaPA model of an invoice row, its lines and (for a credit note) the invoice it corrects; no I/O. */
export function eInvoiceDocument(invoice: DocumentedInvoice, lines: readonly { description: string; amountCents: number }[], corrected: Pick<Invoice, 'year' | 'number' | 'issuedOn'> | null, seller: Seller, progressive: number): EInvoiceDocument {
  const vat = vatOfInvoice(invoice);
  return {
    kind: invoice.kind,
    number: invoiceNumber(invoice.year, invoice.number),
    issuedOn: invoice.issuedOn,
    seller,
    customer: customerOf(invoice),
    lines: lines.map((line) => ({ description: line.description, amountCents: line.amountCents, vat })),
    totals: { netCents: invoice.netCents, vatCents: invoice.vatCents, totalCents: invoice.totalCents },
    // A credit note's refund is not a payment of the customer's: it carries no DatiPagamento.
    payment: invoice.kind === 'INVOICE' ? paymentOf(invoice.paymentMethod) : null,
    corrects: corrected && { number: invoiceNumber(corrected.year, corrected.number), issuedOn: corrected.issuedOn },
    reason: invoice.reason,
    progressive,
  };
}
