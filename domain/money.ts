/** Amounts are integer euro cents; a value is rounded once, half-up, where a rule says so. */
export type Cents = number;

export const VAT_PERCENT = 22;
export const CURRENCY = 'EUR';

export function assertCents(value: number, what = 'amount'): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer number of cents`);
}

/**
 * `numerator / denominator` rounded half-up, for a non-negative numerator and a positive
 * denominator, computed with integer remainders so no binary fraction can tip the result.
 */
export function divideHalfUp(numerator: number, denominator: number): number {
  assertCents(numerator, 'numerator');
  assertCents(denominator, 'denominator');
  if (numerator < 0 || denominator <= 0) throw new RangeError('divideHalfUp takes a non-negative numerator and a positive denominator');
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  while (remainder < 0) { quotient -= 1; remainder += denominator; }
  while (remainder >= denominator) { quotient += 1; remainder -= denominator; }
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/** `amount × part / whole`, rounded half-up to the cent. */
export function prorate(amount: Cents, part: number, whole: number): Cents {
  return divideHalfUp(amount * part, whole);
}

/** VAT on a net amount: round(net × 22%), half-up; symmetric for a negative net. */
export function vatOn(net: Cents): Cents {
  const vat = divideHalfUp(Math.abs(net) * VAT_PERCENT, 100);
  return net < 0 ? -vat : vat;
}

export interface Totals { netCents: Cents; vatCents: Cents; totalCents: Cents }

export function totalsOf(lineAmounts: readonly Cents[]): Totals {
  const netCents = lineAmounts.reduce((sum, amount) => sum + amount, 0);
  const vatCents = vatOn(netCents);
  return { netCents, vatCents, totalCents: netCents + vatCents };
}

export type Locale = 'it' | 'en';
export const LOCALES: readonly Locale[] = ['it', 'en'];

/** `€ 1.234,56` in Italian, `€1,234.56` in English; negative amounts carry a leading minus. */
export function formatMoney(cents: Cents, locale: Locale): string {
  assertCents(cents);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const digits = abs.toString().padStart(3, '0');
  const [euros, rest] = [digits.slice(0, -2), digits.slice(-2)];
  const grouping = locale === 'it' ? '.' : ',';
  const decimal = locale === 'it' ? ',' : '.';
  const grouped = euros.replace(/\B(?=(\d{3})+(?!\d))/g, grouping);
  return locale === 'it' ? `${sign}€ ${grouped}${decimal}${rest}` : `${sign}€${grouped}${decimal}${rest}`;
}
