import type { Cents } from '../money';
import { vatUnder, type VatTreatment } from '../billing/tax-profile';
import type { EInvoiceLine } from './document';

/** One `DatiRiepilogo`: the lines of one VAT rate or exemption, their taxable amount and the VAT on it. */
export interface VatSummary {
  treatment: VatTreatment;
  taxableCents: Cents;
  /** Rounded once on the group's taxable amount. */
  vatCents: Cents;
}

/** Groups the lines by rate and `Natura`, in the order they first appear. */
export function vatSummaries(lines: readonly EInvoiceLine[]): VatSummary[] {
  const groups = new Map<string, { treatment: VatTreatment; taxableCents: Cents }>();
  for (const line of lines) {
    const key = `${line.vat.ratePercent}|${line.vat.natura ?? ''}`;
    const group = groups.get(key) ?? { treatment: line.vat, taxableCents: 0 };
    group.taxableCents += line.amountCents;
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ ...group, vatCents: vatUnder(group.treatment, group.taxableCents) }));
}

/** Stamp duty is due on a document whose amounts without VAT exceed €77.47 (DPR 642/72, tariff art. 13). */
export const STAMP_DUTY_THRESHOLD_CENTS = 7747;
export const STAMP_DUTY_CENTS = 200;

/** The virtual stamp duty the seller pays on the document (never added to the customer's total), or 0. */
export function stampDutyCents(summaries: readonly VatSummary[]): Cents {
  const withoutVat = summaries.filter((s) => s.treatment.natura !== null).reduce((sum, s) => sum + s.taxableCents, 0);
  return withoutVat > STAMP_DUTY_THRESHOLD_CENTS ? STAMP_DUTY_CENTS : 0;
}
