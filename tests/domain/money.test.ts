import fc from 'fast-check';
import { divideHalfUp, formatMoney, prorate, totalsOf, vatOn } from '@/domain/money';

describe('divideHalfUp', () => {
  it.each([
    [5, 2, 3], [4, 2, 2], [7, 2, 4], [1, 3, 0], [2, 3, 1], [0, 7, 0], [449, 100, 4], [450, 100, 5], [451, 100, 5],
  ])('%i / %i rounds half-up to %i', (n, d, expected) => {
    expect(divideHalfUp(n, d)).toBe(expected);
  });

  it('equals the exact rational rounded half-up (BigInt reference)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 12 }), (n, d) => {
      const [bn, bd] = [BigInt(n), BigInt(d)];
      expect(BigInt(divideHalfUp(n, d))).toBe((2n * bn + bd) / (2n * bd));
    }));
  });

  it('refuses fractions and negative numerators', () => {
    expect(() => divideHalfUp(1.5, 2)).toThrow(RangeError);
    expect(() => divideHalfUp(-1, 2)).toThrow(RangeError);
    expect(() => divideHalfUp(1, 0)).toThrow(RangeError);
  });
});

describe('VAT and totals', () => {
  it('computes 22% rounded once on the net', () => {
    expect(vatOn(2507)).toBe(552); // 551.54
    expect(vatOn(9900)).toBe(2178);
    expect(vatOn(2000)).toBe(440);
    expect(vatOn(25)).toBe(6); // 5.5 → 6
    expect(vatOn(-25)).toBe(-6);
  });

  it('sums the lines, then adds VAT on the sum', () => {
    expect(totalsOf([-2457, 4964])).toEqual({ netCents: 2507, vatCents: 552, totalCents: 3059 });
  });

  it('keeps total = net + vat and every amount an integer', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 10 }), (lines) => {
      const t = totalsOf(lines);
      expect(t.totalCents).toBe(t.netCents + t.vatCents);
      expect([t.netCents, t.vatCents, t.totalCents].every(Number.isSafeInteger)).toBe(true);
      expect(Math.abs(t.vatCents * 100 - t.netCents * 22)).toBeLessThanOrEqual(50);
    }));
  });

  it('prorates by days with one rounding', () => {
    expect(prorate(4900, 183, 365)).toBe(2457); // 2456.7
    expect(prorate(9900, 183, 365)).toBe(4964); // 4963.6
  });
});

describe('formatMoney', () => {
  it('writes Italian and English amounts', () => {
    expect(formatMoney(123456, 'it')).toBe('€ 1.234,56');
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
    expect(formatMoney(5, 'it')).toBe('€ 0,05');
    expect(formatMoney(-2457, 'en')).toBe('-€24.57');
    expect(formatMoney(123456789, 'it')).toBe('€ 1.234.567,89');
  });
});
