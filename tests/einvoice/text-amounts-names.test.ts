import fc from 'fast-check';
import { decimalOfCents, rateText } from '@/domain/einvoice/amounts';
import { eInvoiceFileName, MAX_PROGRESSIVE, transmissionCode } from '@/domain/einvoice/file-name';
import { latin1Text } from '@/domain/einvoice/latin1';
import { cents } from './documents';

describe('amounts from integer cents', () => {
  it.each([[0, '0.00'], [5, '0.05'], [-5, '-0.05'], [99, '0.99'], [100, '1.00'], [-2457, '-24.57'], [123456789, '1234567.89']])('%i → %s', (value, text) => {
    expect(decimalOfCents(value)).toBe(text);
  });

  it('round-trips every amount without floats, and refuses fractions of a cent', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), (value) => {
      expect(cents(decimalOfCents(value))).toBe(value);
    }));
    expect(() => decimalOfCents(0.5)).toThrow(RangeError);
    expect([rateText(22), rateText(0)]).toEqual(['22.00', '0.00']);
  });
});

describe('Latin-1 text', () => {
  it.each([
    ['PERSONAL15 → BUSINESS', 'PERSONAL15 -> BUSINESS'],
    ['“Sì” ‘no’ – — …', '"Sì" \'no\' - - ...'],
    ['€ 10', 'EUR 10'],
    ['Ciao 😀 mondo 👍🏽', 'Ciao mondo'],
    ['Łódź Őrség Œuvre', 'Lódz Orség OEuvre'],
    ['àèéìòù ÀÉ ñ ç ß ü «x»', 'àèéìòù ÀÉ ñ ç ß ü «x»'],
    ['e\u0301 composed', 'é composed'],
    ['tab\tnew\nline\u00A0nbsp  spaces\u200B', 'tab new line nbsp spaces'],
    ['北京 Beijing', 'Beijing'],
  ])('%j → %j', (input, output) => {
    expect(latin1Text(input, 1000)).toBe(output);
  });

  it('never leaves a character outside Latin-1 or a length over the limit (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 120 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
      const result = latin1Text(text, max);
      expect(result).toMatch(/^[\u0020-\u007E\u00A0-\u00FF]*$/);
      expect(result.length).toBeLessThanOrEqual(max);
      expect(result).toBe(result.trim());
    }), { numRuns: 500 });
  });
});

describe('file names', () => {
  it('derives the 5 alphanumerics from the progressive in base 36', () => {
    expect(eInvoiceFileName('06363391001', 1)).toBe('IT06363391001_00001.xml');
    expect(transmissionCode(35)).toBe('0000Z');
    expect(transmissionCode(36)).toBe('00010');
    expect(transmissionCode(MAX_PROGRESSIVE)).toBe('ZZZZZ');
    for (const bad of [0, -1, 1.5, MAX_PROGRESSIVE + 1]) expect(() => transmissionCode(bad)).toThrow(RangeError);
  });

  it('gives different progressives different names of the SdI form (property)', () => {
    const progressive = fc.integer({ min: 1, max: MAX_PROGRESSIVE });
    fc.assert(fc.property(progressive, progressive, (a, b) => {
      const [x, y] = [eInvoiceFileName('06363391001', a), eInvoiceFileName('06363391001', b)];
      expect(x).toMatch(/^IT[0-9]{11}_[0-9A-Z]{5}\.xml$/);
      expect(x === y).toBe(a === b);
    }), { numRuns: 1000 });
  });
});
