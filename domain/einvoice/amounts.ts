import { assertCents, type Cents } from '../money';

/** Integer cents as the schema's decimal with two digits (`-24.57`), by string, never through a float. */
export function decimalOfCents(cents: Cents): string {
  assertCents(cents);
  const digits = Math.abs(cents).toString().padStart(3, '0');
  return `${cents < 0 ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** A whole VAT rate as the schema writes it: `22.00`, `0.00`. */
export function rateText(ratePercent: number): string {
  return decimalOfCents(ratePercent * 100);
}
