/**
 * Check characters of Italian tax identifiers: the 11-digit VAT number (partita IVA), which is also a company's
 * fiscal code, and a person's 16-character fiscal code (codice fiscale), including omocodia substitutions.
 */

const ELEVEN_DIGITS = /^[0-9]{11}$/;

/** The check digit of the first ten digits of a VAT number (a Luhn-style sum: doubled even positions). */
export function vatCheckDigit(firstTen: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const digit = firstTen.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
}

export function isItalianVatFormat(code: string): boolean {
  return ELEVEN_DIGITS.test(code);
}

/** 11 digits whose last is the check digit of the first ten; the first seven (the holder's serial) not all zero. */
export function hasValidVatCheckDigit(code: string): boolean {
  return isItalianVatFormat(code) && !code.startsWith('0000000') && vatCheckDigit(code.slice(0, 10)) === Number(code[10]);
}

// Omocodia: when two people would get the same code, digits are replaced from the right by these letters.
export const OMOCODIA_LETTERS = 'LMNPQRSTUV';
export const OMOCODIA_POSITIONS = [6, 7, 9, 10, 12, 13, 14] as const;
const MONTH_LETTERS = 'ABCDEHLMPRST';
const DIGIT_OR_SUBSTITUTE = `[0-9${OMOCODIA_LETTERS}]`;
const PERSON_CODE = new RegExp(
  `^[A-Z]{6}${DIGIT_OR_SUBSTITUTE}{2}[${MONTH_LETTERS}]${DIGIT_OR_SUBSTITUTE}{2}[A-Z]${DIGIT_OR_SUBSTITUTE}{3}[A-Z]$`,
);

// Values of the characters in odd positions (1st, 3rd, …), for 0–9 and A–Z alike (0 and A weigh the same).
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function characterIndex(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

/** The check character of the first 15 characters of a person's fiscal code. */
export function personCodeCheckCharacter(firstFifteen: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const index = characterIndex(firstFifteen[i]);
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** The code with omocodia letters turned back into digits (the birth date and town as registered). */
export function withoutOmocodia(code: string): string {
  const chars = [...code];
  for (const position of OMOCODIA_POSITIONS) {
    const substitute = OMOCODIA_LETTERS.indexOf(chars[position]);
    if (substitute >= 0) chars[position] = String(substitute);
  }
  return chars.join('');
}

/** Letters and digits where they belong, a real month letter and a day of 1–31 (41–71 for women). */
export function isPersonCodeFormat(code: string): boolean {
  if (!PERSON_CODE.test(code)) return false;
  const day = Number(withoutOmocodia(code).slice(9, 11));
  return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
}

export function hasValidPersonCheckCharacter(code: string): boolean {
  return isPersonCodeFormat(code) && personCodeCheckCharacter(code.slice(0, 15)) === code[15];
}
