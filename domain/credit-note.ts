import { divideHalfUp, type Cents, type Totals } from './money';

/** What is left to credit of an invoice once its earlier credit notes are taken away. */
export function leftToCredit(invoice: Totals, earlier: readonly Totals[]): Totals {
  const sum = (pick: (t: Totals) => Cents) => earlier.reduce((total, note) => total + pick(note), 0);
  return {
    netCents: invoice.netCents - sum((t) => t.netCents),
    vatCents: invoice.vatCents - sum((t) => t.vatCents),
    totalCents: invoice.totalCents - sum((t) => t.totalCents),
  };
}

/**
 * A partial credit note of `netCents` (0 < netCents ≤ what is left): VAT at the invoice's rate, rounded once
 * half-up, total = net + VAT. Rounding each part on its own could credit a cent of VAT more than the invoice
 * charged, so the VAT never exceeds what is left of it, and the note that credits the last of the net credits
 * the last of the VAT: the credit notes of an invoice add up to it exactly.
 */
export function partialCreditTotals(left: Totals, ratePercent: number, netCents: Cents): Totals {
  if (!Number.isSafeInteger(netCents) || netCents <= 0 || netCents > left.netCents) throw new RangeError('a partial credit is more than nothing and at most what is left');
  const atRate = divideHalfUp(netCents * ratePercent, 100);
  const vatCents = netCents === left.netCents ? left.vatCents : Math.min(atRate, left.vatCents);
  return { netCents, vatCents, totalCents: netCents + vatCents };
}
