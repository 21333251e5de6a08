import type { Cents, Locale, Totals } from '../money';
import { totalsUnder, vatTreatment, type TaxProfile, type VatTreatment } from './tax-profile';

/** A priced line of a quote or an order, excluding VAT; signed (a credit is negative). */
export interface PricedLine { kind: string; description: string; amountCents: Cents }

/** The tax a quote fixes and its order and invoice keep. */
export interface FixedTax {
  taxProfile: TaxProfile;
  vatRatePercent: VatTreatment['ratePercent'];
  vatNatura: VatTreatment['natura'];
}

export function fixedTax(profile: TaxProfile): FixedTax {
  const { ratePercent, natura } = vatTreatment(profile);
  return { taxProfile: profile, vatRatePercent: ratePercent, vatNatura: natura };
}

/** The kind of the 0-amount line that says why there is no VAT. */
export const VAT_NOTE_LINE = 'VAT_NOTE';

export type TaxedLines = FixedTax & Totals & { lines: PricedLine[] };

/**
 * The lines and totals of a quote or an order under the customer's tax profile (docs/product-rules.md, "Tax
 * treatment by customer"): VAT once on the net at the profile's rate; without VAT, a last line of no amount
 * saying why, in the customer's language (art. 21 c. 6-bis DPR 633/72).
 */
export function taxedLines(profile: TaxProfile, lines: readonly PricedLine[], locale: Locale): TaxedLines {
  const treatment = vatTreatment(profile);
  const note = treatment.note ? [{ kind: VAT_NOTE_LINE, description: treatment.note[locale], amountCents: 0 }] : [];
  return {
    ...fixedTax(profile),
    lines: [...lines, ...note],
    ...totalsUnder(treatment, lines.map((line) => line.amountCents)),
  };
}
