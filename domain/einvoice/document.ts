import type { BillingData } from '../billing/billing-data';
import type { VatTreatment } from '../billing/tax-profile';
import type { Cents, Totals } from '../money';

/** The plain model of one FatturaPA FPR12 document: everything the XML says, nothing read from elsewhere. */
export interface EInvoiceDocument {
  kind: 'INVOICE' | 'CREDIT_NOTE';
  /** `YYYY/NNNNNN`, the invoice's or the credit note's number. */
  number: string;
  /** The document's date, `YYYY-MM-DD`. */
  issuedOn: string;
  seller: Seller;
  /** The customer's billing data as it was on the document's day. */
  customer: BillingData;
  lines: readonly EInvoiceLine[];
  /** The totals recorded on the invoice: the XML must agree with them to the cent. */
  totals: Totals;
  /** How it was paid (invoices) or is refunded (credit notes); none leaves `DatiPagamento` out. */
  payment: Payment | null;
  /** A credit note names the invoice it corrects (`DatiFattureCollegate`). */
  corrects: { number: string; issuedOn: string } | null;
  /** Free text (`Causale`): a credit note's reason. */
  reason: string | null;
  /** The file's sequence number, from which `ProgressivoInvio` and the file name are derived. */
  progressive: number;
}

export interface EInvoiceLine {
  description: string;
  /** Signed: the credit for unused days of a change is negative. */
  amountCents: Cents;
  vat: VatTreatment;
}

/** The SdI's tax regimes; RF01 is the ordinary one. */
export type RegimeFiscale = `RF${'01' | '02' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13' | '14' | '15' | '16' | '17' | '18' | '19'}`;

/** The seller (cedente/prestatore), from configuration. */
export interface Seller {
  /** Italian VAT number, 11 digits: also the transmitter's id and the file names' prefix. */
  vatNumber: string;
  fiscalCode: string | null;
  name: string;
  address: { street: string; postalCode: string; city: string; province: string };
  regimeFiscale: RegimeFiscale;
  /** The contact address printed in the seller's block (PEC or ordinary email). */
  email: string | null;
}

export type Payment =
  | { method: 'CARD' }
  | { method: 'BANK_TRANSFER'; beneficiary: string; iban: string; bankName: string | null }
  | { method: 'POSTAL_SLIP'; beneficiary: string };
