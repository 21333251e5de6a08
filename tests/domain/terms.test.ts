import fc from 'fast-check';
import { addDays } from '@/domain/calendar';
import { daysRemaining, extendedExpiry, isTermLength, termAfterOrder, termDays, yearAfter, type OrderedTerm } from '@/domain/terms';

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Any day from 1900 to 2199, with leap days (and the century years around them) drawn often enough to matter.
const arbDay = fc.oneof(
  fc.integer({ min: 0, max: 300 * 366 }).map((n) => addDays('1900-01-01', n)),
  fc.integer({ min: 475, max: 549 }).filter((y) => isLeapYear(y * 4)).map((y) => `${y * 4}-02-29`),
  fc.constantFrom('1900-02-28', '2000-02-29', '2100-02-28', '2100-03-01'),
);
const arbTerm = fc.tuple(arbDay, fc.integer({ min: 1, max: 800 })).map(([termStartsOn, days]) => ({ termStartsOn, expiresOn: addDays(termStartsOn, days) }));

describe('the term rules', () => {
  it('a year after a day is the same day a year later, or 28 February for 29 February', () => {
    fc.assert(fc.property(arbDay, (day) => {
      const next = String(Number(day.slice(0, 4)) + 1);
      expect(yearAfter(day)).toBe(day.endsWith('-02-29') ? `${next}-02-28` : `${next}${day.slice(4)}`);
    }));
    expect([yearAfter('2027-01-01'), yearAfter('2028-02-29'), yearAfter('2028-02-28'), yearAfter('2099-12-31')]).toEqual(['2028-01-01', '2029-02-28', '2029-02-28', '2100-12-31']);
  });

  it('a one-year term lasts 366 days when it spans a 29 February, 365 otherwise (also from a 29 February)', () => {
    fc.assert(fc.property(arbDay, (day) => {
      const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
      const spansLeapDay = !day.endsWith('-02-29') && isLeapYear(month <= 2 ? year : year + 1);
      expect(termDays({ termStartsOn: day, expiresOn: yearAfter(day) })).toBe(spansLeapDay ? 366 : 365);
    }));
    expect(termDays({ termStartsOn: '2028-02-29', expiresOn: yearAfter('2028-02-29') })).toBe(365);
    expect(termDays({ termStartsOn: '2027-03-01', expiresOn: yearAfter('2027-03-01') })).toBe(366);
  });

  it('a term ends after it starts and lasts at most ten years', () => {
    fc.assert(fc.property(arbDay, fc.integer({ min: -400, max: 4000 }), (termStartsOn, days) => {
      const expiresOn = addDays(termStartsOn, days);
      const tenYearsOn = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((day) => yearAfter(day), termStartsOn);
      expect(isTermLength({ termStartsOn, expiresOn })).toBe(days > 0 && expiresOn <= tenYearsOn);
    }));
    expect([isTermLength({ termStartsOn: '2026-05-01', expiresOn: '2036-05-01' }), isTermLength({ termStartsOn: '2026-05-01', expiresOn: '2036-05-02' })]).toEqual([true, false]);
  });

  it('one more year runs from the old expiry: renewing from 29 February settles on 28 February for good', () => {
    fc.assert(fc.property(arbTerm, (term) => {
      expect(extendedExpiry(term)).toBe(yearAfter(term.expiresOn));
    }));
    const once = extendedExpiry({ expiresOn: '2028-02-29' });
    expect([once, extendedExpiry({ expiresOn: once })]).toEqual(['2029-02-28', '2030-02-28']);
  });

  it('counts the days of a term and the days left to its expiry', () => {
    fc.assert(fc.property(arbTerm, fc.integer({ min: -400, max: 400 }), (term, n) => {
      expect(daysRemaining(term, addDays(term.expiresOn, -n))).toBe(n);
      expect(daysRemaining(term, term.termStartsOn)).toBe(termDays(term));
    }));
    expect(termDays({ termStartsOn: '2026-01-01', expiresOn: '2027-01-01' })).toBe(365);
    expect(daysRemaining({ expiresOn: '2027-01-01' }, '2026-07-02')).toBe(183);
  });

  describe('applying a paid order', () => {
    const order = (kind: OrderedTerm['kind'], nearExpiry: boolean, newExpiresOn: string | null): OrderedTerm => ({ kind, nearExpiry, newExpiresOn });

    it('a renewal starts the new term on the old expiry and ends it on the expiry the order carries', () => {
      fc.assert(fc.property(arbTerm, arbDay, arbDay, (term, carried, appliedOn) => {
        expect(termAfterOrder(term, order('RENEWAL', false, carried), appliedOn)).toEqual({ termStartsOn: term.expiresOn, expiresOn: carried });
      }));
    });

    it('an upgrade near expiry starts the new term on the day it is applied, ending on the expiry the order carries', () => {
      fc.assert(fc.property(arbTerm, arbDay, arbDay, (term, carried, appliedOn) => {
        expect(termAfterOrder(term, order('UPGRADE', true, carried), appliedOn)).toEqual({ termStartsOn: appliedOn, expiresOn: carried });
      }));
    });

    it('any other change leaves the term as it is', () => {
      fc.assert(fc.property(arbTerm, arbDay, fc.boolean(), (term, appliedOn, nearExpiry) => {
        expect(termAfterOrder(term, order('UPGRADE', false, null), appliedOn)).toEqual(term);
        expect(termAfterOrder(term, order('DOWNGRADE', nearExpiry, null), appliedOn)).toEqual(term);
      }));
    });

    it('refuses an order that starts a new term without the expiry it gives', () => {
      const term = { termStartsOn: '2026-01-01', expiresOn: '2027-01-01' };
      expect(() => termAfterOrder(term, order('RENEWAL', false, null), '2026-12-20')).toThrow('a RENEWAL order must carry the expiry it gives');
      expect(() => termAfterOrder(term, order('UPGRADE', true, null), '2026-12-20')).toThrow(RangeError);
    });
  });
});
