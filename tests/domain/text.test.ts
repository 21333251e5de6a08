import fc from 'fast-check';
import { isCountryCode, isProvinceCode } from '@/domain/identity';
import { textProblem } from '@/domain/text';

const LINE_BREAKS = ['\t', '\n', '\r'];
const controls = fc.constantFrom(...Array.from({ length: 0x20 }, (_, code) => String.fromCharCode(code)), '\u007f');
// printable characters of one code point each, as many as the column below holds at most
const printable = fc.string({ unit: 'grapheme-composite', maxLength: 50 });

describe('text from callers', () => {
  it('takes any well-formed text of one line within its length', () => {
    fc.assert(fc.property(printable, (text) => {
      expect(textProblem(text, { maxLength: 50 })).toBeNull();
    }));
  });

  it('refuses every control character on one line; free text keeps tab and line breaks only', () => {
    fc.assert(fc.property(printable, controls, printable, (before, control, after) => {
      const text = `${before}${control}${after}`;
      expect(textProblem(text, { maxLength: 200 })).toEqual({ code: 'INVALID', message: 'must be one line without control characters' });
      expect(textProblem(text, { maxLength: 200, multiline: true })).toEqual(LINE_BREAKS.includes(control) ? null : { code: 'INVALID', message: 'must not contain control characters' });
    }));
  });

  it('counts characters, not UTF-16 units', () => {
    expect(textProblem('👩'.repeat(10), { maxLength: 10 })).toBeNull();
    expect(textProblem('👩'.repeat(11), { maxLength: 10 })).toEqual({ code: 'TOO_LONG', message: 'must be at most 10 characters' });
  });

  it('refuses half a surrogate pair, alone or misplaced', () => {
    for (const text of ['\ud83d', 'a\udc69', '\udc69\ud83d']) expect(textProblem(text, { maxLength: 10 })?.message).toBe('is not valid Unicode text');
  });
});

describe('places', () => {
  it('knows the ISO 3166-1 countries, in either case, and nothing else', () => {
    for (const code of ['IT', 'de', 'SM', 'VA', 'GB']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['UK', 'EU', 'XK', 'ITA', 'I', '']) expect(isCountryCode(code)).toBe(false);
  });

  it('takes a province as its two letters', () => {
    expect(['MI', 'bo'].map(isProvinceCode)).toEqual([true, true]);
    expect(['M', 'MIL', 'M1', 'É1'].map(isProvinceCode)).toEqual([false, false, false, false]);
  });
});
