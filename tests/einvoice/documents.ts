import { XMLParser } from 'fast-xml-parser';
import type { BillingData } from '@/domain/billing/billing-data';
import { taxProfileOf, totalsUnder, vatTreatment, type TaxProfile } from '@/domain/billing/tax-profile';
import type { EInvoiceDocument, Seller } from '@/domain/einvoice/document';

export const seller: Seller = {
  vatNumber: '06363391001',
  fiscalCode: '06363391001',
  name: 'Hosting Italia S.r.l.',
  address: { street: 'Via dei Server 1', postalCode: '00184', city: 'Roma', province: 'RM' },
  regimeFiscale: 'RF01',
  email: 'fatture@pec.hosting-italia.example',
};

const blank: Omit<BillingData, 'kind' | 'country'> = {
  companyName: null, firstName: null, lastName: null, address: null, postalCode: null, city: null, province: null,
  fiscalCode: null, vatNumber: null, sdiCode: null, pec: null,
};

export const customers: Record<TaxProfile, BillingData> = {
  IT_CONSUMER: {
    ...blank, kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT', address: 'Via Roma 1', postalCode: '20121',
    city: 'Milano', province: 'MI', fiscalCode: 'RSSMRA85T10A562S', pec: 'mario.rossi@pec.example.it',
  },
  IT_BUSINESS: {
    ...blank, kind: 'COMPANY', companyName: 'Bianchi Web S.r.l.', country: 'IT', address: 'Corso Vittorio Emanuele 12',
    postalCode: '10121', city: 'Torino', province: 'TO', vatNumber: '12345678903', sdiCode: 'M5UXCR1',
  },
  EU_BUSINESS: {
    ...blank, kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE', address: 'Hauptstraße 5', postalCode: '10115',
    city: 'Berlin', vatNumber: '123456789',
  },
  NON_EU_BUSINESS: {
    ...blank, kind: 'COMPANY', companyName: 'Example Ltd', country: 'GB', address: '10 Downing Street', postalCode: 'SW1A 2AA',
    city: 'London', vatNumber: 'GB123456789',
  },
  FOREIGN_CONSUMER: {
    ...blank, kind: 'PERSON', firstName: 'Jane', lastName: 'Doe', country: 'US', address: '1 Main Street', postalCode: '02108-1234',
    city: 'Boston', province: 'MA',
  },
};

/** An invoice for the customer, its lines taxed by the customer's profile, paid by card unless said otherwise. */
export function invoiceFor(customer: BillingData, amounts: number[], overrides: Partial<EInvoiceDocument> = {}): EInvoiceDocument {
  const vat = vatTreatment(taxProfileOf(customer));
  return {
    kind: 'INVOICE',
    number: '2026/000042',
    issuedOn: '2026-07-02',
    seller,
    customer,
    lines: amounts.map((amountCents, i) => ({ description: `Riga ${i + 1}`, amountCents, vat })),
    totals: totalsUnder(vat, amounts),
    payment: { method: 'CARD' },
    corrects: null,
    reason: null,
    progressive: 42,
    ...overrides,
  };
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['DettaglioLinee', 'DatiRiepilogo', 'Causale'].includes(name) });

/** The parsed XML, to read values as the SdI would (strings, never numbers). */
export function read(xml: string) {
  const root = parser.parse(xml)['p:FatturaElettronica'];
  const body = root.FatturaElettronicaBody;
  return {
    root,
    header: root.FatturaElettronicaHeader,
    general: body.DatiGenerali.DatiGeneraliDocumento,
    linked: body.DatiGenerali.DatiFattureCollegate,
    lines: body.DatiBeniServizi.DettaglioLinee as Array<Record<string, string>>,
    summaries: body.DatiBeniServizi.DatiRiepilogo as Array<Record<string, string>>,
    payment: body.DatiPagamento?.DettaglioPagamento,
    body,
  };
}

/** A decimal of the XML in cents, by string (no float). */
export function cents(decimal: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(decimal);
  if (!match) throw new Error(`not an amount with two decimals: ${decimal}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}
