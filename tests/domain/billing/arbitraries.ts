import fc from 'fast-check';
import {
  OMOCODIA_LETTERS, OMOCODIA_POSITIONS, personCodeCheckCharacter, vatCheckDigit,
} from '@/domain/billing/italian-tax-codes';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letter = fc.constantFrom(...LETTERS);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A valid Italian VAT number (also a company's fiscal code). */
export const italianVatNumber = digits(10)
  .filter((first) => !first.startsWith('0000000'))
  .map((first) => first + vatCheckDigit(first));

/** A valid person's fiscal code, with omocodia substitutions from the right in about a third of them. */
export const personFiscalCode = fc
  .record({
    names: fc.array(letter, { minLength: 6, maxLength: 6 }),
    year: digits(2),
    month: fc.constantFrom(...'ABCDEHLMPRST'),
    day: fc.integer({ min: 1, max: 31 }),
    woman: fc.boolean(),
    town: letter,
    townDigits: digits(3),
    substitutions: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: OMOCODIA_POSITIONS.length })),
  })
  .map(({ names, year, month, day, woman, town, townDigits, substitutions }) => {
    const chars = [...names.join(''), ...year, month, ...String(woman ? day + 40 : day).padStart(2, '0'), town, ...townDigits];
    for (const position of OMOCODIA_POSITIONS.slice(OMOCODIA_POSITIONS.length - substitutions)) {
      chars[position] = OMOCODIA_LETTERS[Number(chars[position])];
    }
    const first = chars.join('');
    return first + personCodeCheckCharacter(first);
  });

/** The code with one character replaced by a different letter or digit, and where. */
export function withOneChange(code: string) {
  return fc
    .record({ position: fc.integer({ min: 0, max: code.length - 1 }), replacement: fc.constantFrom(...LETTERS, ...'0123456789') })
    .filter(({ position, replacement }) => code[position] !== replacement)
    .map(({ position, replacement }) => code.slice(0, position) + replacement + code.slice(position + 1));
}
