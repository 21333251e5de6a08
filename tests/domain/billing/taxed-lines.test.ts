import fc from 'fast-check';
import { TAX_PROFILES, vatTreatment } from '@/domain/billing/tax-profile';
import { taxedLines, VAT_NOTE_LINE } from '@/domain/billing/taxed-lines';
import { totalsOf } from '@/domain/money';

// docs/product-rules.md, "Tax treatment by customer".
const profile = fc.constantFrom(...TAX_PROFILES);
const locale = fc.constantFrom('it' as const, 'en' as const);
const lines = fc.array(
  fc.record({ kind: fc.constantFrom('CREDIT', 'NEW_PLAN', 'RENEWAL'), description: fc.string({ maxLength: 20 }), amountCents: fc.integer({ min: -500_000, max: 5_000_000 }) }),
  { minLength: 1, maxLength: 6 },
);
const businessAbroad = (p: string) => p === 'EU_BUSINESS' || p === 'NON_EU_BUSINESS';

describe('lines and totals under a tax profile', () => {
  it('charges no VAT exactly to businesses abroad, and adds then the line saying why, of no amount (property)', () => {
    fc.assert(fc.property(profile, lines, locale, (p, priced, language) => {
      const taxed = taxedLines(p, priced, language);
      expect(taxed.taxProfile).toBe(p);
      expect(taxed.vatRatePercent).toBe(businessAbroad(p) ? 0 : 22);
      expect(taxed.vatNatura).toBe(businessAbroad(p) ? 'N2.1' : null);
      expect(taxed.lines.slice(0, priced.length)).toEqual(priced);
      const notes = taxed.lines.slice(priced.length);
      expect(notes).toEqual(businessAbroad(p) ? [{ kind: VAT_NOTE_LINE, description: vatTreatment(p).note![language], amountCents: 0 }] : []);
    }), { numRuns: 500 });
  });

  it('sums the net from the lines, VAT once on it, total = net + VAT; Italians and consumers abroad as before (property)', () => {
    fc.assert(fc.property(profile, lines, locale, (p, priced, language) => {
      const taxed = taxedLines(p, priced, language);
      const italian = totalsOf(priced.map((l) => l.amountCents));
      expect(taxed.netCents).toBe(italian.netCents);
      expect(taxed.totalCents).toBe(taxed.netCents + taxed.vatCents);
      expect(taxed.vatCents).toBe(businessAbroad(p) ? 0 : italian.vatCents);
    }), { numRuns: 500 });
  });

  it('writes the reverse-charge line in the customer\'s language', () => {
    const credit = [{ kind: 'CREDIT', description: 'x', amountCents: -2457 }, { kind: 'NEW_PLAN', description: 'y', amountCents: 4964 }];
    expect(taxedLines('EU_BUSINESS', credit, 'it')).toMatchObject({
      netCents: 2507, vatCents: 0, totalCents: 2507, vatRatePercent: 0, vatNatura: 'N2.1',
      lines: [{}, {}, { kind: 'VAT_NOTE', amountCents: 0, description: expect.stringMatching(/^Inversione contabile/) }],
    });
    expect(taxedLines('NON_EU_BUSINESS', credit, 'en').lines[2].description).toMatch(/^Not subject to Italian VAT/);
    expect(taxedLines('IT_BUSINESS', credit, 'it')).toMatchObject({ netCents: 2507, vatCents: 552, totalCents: 3059, lines: credit });
  });
});
