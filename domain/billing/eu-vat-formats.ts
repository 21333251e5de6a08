/**
 * The format of each EU member state's VAT number (as VIES checks it), without the country prefix. Italy's is
 * checked further by its check digit (`italian-tax-codes.ts`). Greece writes its prefix `EL`, not `GR`.
 */
const FORMATS: Readonly<Record<string, { prefix: string; pattern: RegExp; example: string }>> = {
  AT: { prefix: 'AT', pattern: /^U[0-9]{8}$/, example: 'U12345678' },
  BE: { prefix: 'BE', pattern: /^[01][0-9]{9}$/, example: '0123456789' },
  BG: { prefix: 'BG', pattern: /^[0-9]{9,10}$/, example: '123456789' },
  CY: { prefix: 'CY', pattern: /^[0-9]{8}[A-Z]$/, example: '12345678X' },
  CZ: { prefix: 'CZ', pattern: /^[0-9]{8,10}$/, example: '12345678' },
  DE: { prefix: 'DE', pattern: /^[0-9]{9}$/, example: '123456789' },
  DK: { prefix: 'DK', pattern: /^[0-9]{8}$/, example: '12345678' },
  EE: { prefix: 'EE', pattern: /^[0-9]{9}$/, example: '123456789' },
  ES: { prefix: 'ES', pattern: /^(?=.*[A-Z])[A-Z0-9][0-9]{7}[A-Z0-9]$/, example: 'B12345678' },
  FI: { prefix: 'FI', pattern: /^[0-9]{8}$/, example: '12345678' },
  FR: { prefix: 'FR', pattern: /^[A-HJ-NP-Z0-9]{2}[0-9]{9}$/, example: '12345678901' },
  GR: { prefix: 'EL', pattern: /^[0-9]{9}$/, example: '123456789' },
  HR: { prefix: 'HR', pattern: /^[0-9]{11}$/, example: '12345678901' },
  HU: { prefix: 'HU', pattern: /^[0-9]{8}$/, example: '12345678' },
  IE: { prefix: 'IE', pattern: /^([0-9]{7}[A-W][A-I]?|[0-9][A-Z+*][0-9]{5}[A-W])$/, example: '1234567T' },
  IT: { prefix: 'IT', pattern: /^[0-9]{11}$/, example: '12345678903' },
  LT: { prefix: 'LT', pattern: /^([0-9]{9}|[0-9]{12})$/, example: '123456789' },
  LU: { prefix: 'LU', pattern: /^[0-9]{8}$/, example: '12345678' },
  LV: { prefix: 'LV', pattern: /^[0-9]{11}$/, example: '12345678901' },
  MT: { prefix: 'MT', pattern: /^[0-9]{8}$/, example: '12345678' },
  NL: { prefix: 'NL', pattern: /^[0-9]{9}B[0-9]{2}$/, example: '123456789B01' },
  PL: { prefix: 'PL', pattern: /^[0-9]{10}$/, example: '1234567890' },
  PT: { prefix: 'PT', pattern: /^[0-9]{9}$/, example: '123456789' },
  RO: { prefix: 'RO', pattern: /^[1-9][0-9]{1,9}$/, example: '1234567' },
  SE: { prefix: 'SE', pattern: /^[0-9]{10}01$/, example: '123456789001' },
  SI: { prefix: 'SI', pattern: /^[1-9][0-9]{7}$/, example: '12345678' },
  SK: { prefix: 'SK', pattern: /^[1-9][0-9]{9}$/, example: '1234567890' },
};

export const EU_VAT_COUNTRIES: readonly string[] = Object.keys(FORMATS);

/** The prefix of the country's VAT numbers (`EL` for Greece), or null outside the EU. */
export function vatPrefixOf(country: string): string | null {
  return FORMATS[country]?.prefix ?? null;
}

/** Whether the number (without prefix) has the country's format; true for countries outside the EU. */
export function hasEuVatFormat(country: string, number: string): boolean {
  const format = FORMATS[country];
  return format ? format.pattern.test(number) : true;
}

/** What the country's VAT numbers look like, for a message: `EL123456789`. */
export function euVatExample(country: string): string | null {
  const format = FORMATS[country];
  return format ? format.prefix + format.example : null;
}
