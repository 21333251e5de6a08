/**
 * FatturaPA text fields accept Basic Latin and the Latin-1 Supplement only. Text is composed (NFC), the usual
 * typographic characters are written in Latin-1 (`→` as `->`, curly quotes straight, dashes as `-`, `€` as EUR),
 * other letters lose their accents when that brings them into Latin-1 (ő → o), and whatever is left outside
 * (emoji, other scripts, control characters) is dropped. Accented letters of Latin-1 (à, é, ü, ñ…) stay.
 */

const TYPOGRAPHY: ReadonlyArray<[RegExp, string]> = [
  [/[\u2192\u27F6\u2794\u279C\u27A1]/g, '->'],
  [/[\u2190\u27F5]/g, '<-'],
  [/\u2194/g, '<->'],
  [/\u21D2/g, '=>'],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u2010-\u2015\u2212\u2022\u2043]/g, '-'],
  [/\u2026/g, '...'],
  [/\u20AC/g, 'EUR'],
  [/\u2122/g, '(TM)'],
  [/[\u0152]/g, 'OE'],
  [/[\u0153]/g, 'oe'],
  [/[\u0141]/g, 'L'],
  [/[\u0142]/g, 'l'],
  [/[\u0110]/g, 'D'],
  [/[\u0111]/g, 'd'],
  [/[\u0131]/g, 'i'],
  [/[\u200B-\u200D\u2060\uFE0F\uFEFF]/g, ''],
];

const PRINTABLE_LATIN1 = /^[\u0020-\u007E\u00A0-\u00FF]$/;
const COMBINING_MARKS = /[\u0300-\u036F]/g;

function latin1Character(char: string): string {
  if (PRINTABLE_LATIN1.test(char)) return char;
  if (/\s/.test(char)) return ' ';
  const base = char.normalize('NFD').replace(COMBINING_MARKS, '');
  return base.length === 1 && PRINTABLE_LATIN1.test(base) ? base : '';
}

/** The text in Latin-1, one space between words, cut to `maxLength` characters (never refused). */
export function latin1Text(text: string, maxLength: number): string {
  let result = text.normalize('NFC');
  for (const [pattern, replacement] of TYPOGRAPHY) result = result.replace(pattern, replacement);
  result = Array.from(result, latin1Character).join('').replace(/[\s\u00A0]+/g, ' ').trim();
  return result.slice(0, maxLength).trimEnd();
}
