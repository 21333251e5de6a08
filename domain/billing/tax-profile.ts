import { totalsOf, VAT_PERCENT, vatOn, type Cents, type Totals } from '../money';
import type { BillingData } from './billing-data';
import { ITALY, isInEu } from './countries';

/** How the customer is taxed, from its billing data (PRODUCT.md, "Tax treatment by customer"). */
export type TaxProfile = 'IT_CONSUMER' | 'IT_BUSINESS' | 'EU_BUSINESS' | 'NON_EU_BUSINESS' | 'FOREIGN_CONSUMER';
export const TAX_PROFILES: readonly TaxProfile[] = ['IT_CONSUMER', 'IT_BUSINESS', 'EU_BUSINESS', 'NON_EU_BUSINESS', 'FOREIGN_CONSUMER'];

/**
 * A VAT number (a tax id outside the EU) makes a business, whatever the kind: a sole trader is a person with one.
 * A consumer outside Italy pays Italian VAT: the seller stays under the EU micro-business threshold (OSS is
 * out of scope).
 */
export function taxProfileOf(billing: Pick<BillingData, 'country' | 'vatNumber'>): TaxProfile {
  const business = billing.vatNumber !== null;
  if (billing.country === ITALY) return business ? 'IT_BUSINESS' : 'IT_CONSUMER';
  if (!business) return 'FOREIGN_CONSUMER';
  return billing.country !== null && isInEu(billing.country) ? 'EU_BUSINESS' : 'NON_EU_BUSINESS';
}

/** The FatturaPA code of services not subject to Italian VAT under art. 7-ter DPR 633/72. */
export const NOT_SUBJECT_ART_7_TER = 'N2.1';

export interface VatTreatment {
  ratePercent: typeof VAT_PERCENT | 0;
  natura: typeof NOT_SUBJECT_ART_7_TER | null;
  /** The line the quote, the order and the invoice print to say why there is no VAT (art. 21 c. 6-bis DPR 633/72). */
  note: { it: string; en: string } | null;
}

const TAXED: VatTreatment = { ratePercent: VAT_PERCENT, natura: null, note: null };

const REVERSE_CHARGE: VatTreatment = {
  ratePercent: 0,
  natura: NOT_SUBJECT_ART_7_TER,
  note: {
    it: "Inversione contabile - operazione non soggetta ad IVA ai sensi dell'art. 7-ter DPR 633/72",
    en: 'Reverse charge - not subject to Italian VAT under art. 7-ter DPR 633/72 (art. 196 Directive 2006/112/EC)',
  },
};

const OUTSIDE_THE_EU: VatTreatment = {
  ratePercent: 0,
  natura: NOT_SUBJECT_ART_7_TER,
  note: {
    it: "Operazione non soggetta ad IVA ai sensi dell'art. 7-ter DPR 633/72",
    en: 'Not subject to Italian VAT under art. 7-ter DPR 633/72',
  },
};

const TREATMENTS: Readonly<Record<TaxProfile, VatTreatment>> = {
  IT_CONSUMER: TAXED,
  IT_BUSINESS: TAXED,
  FOREIGN_CONSUMER: TAXED,
  EU_BUSINESS: REVERSE_CHARGE,
  NON_EU_BUSINESS: OUTSIDE_THE_EU,
};

export function vatTreatment(profile: TaxProfile): VatTreatment {
  return TREATMENTS[profile];
}

/** The VAT on a net amount under a treatment: 22% rounded once, half-up (`money.ts`), or none. */
export function vatUnder(treatment: VatTreatment, netCents: Cents): Cents {
  return treatment.ratePercent === 0 ? 0 : vatOn(netCents);
}

/** Net = sum of the lines, VAT once on the net, total = net + VAT. */
export function totalsUnder(treatment: VatTreatment, lineAmounts: readonly Cents[]): Totals {
  const taxed = totalsOf(lineAmounts);
  return treatment.ratePercent === 0 ? { netCents: taxed.netCents, vatCents: 0, totalCents: taxed.netCents } : taxed;
}
