import fc from 'fast-check';
import { EU_COUNTRIES } from '@/domain/billing/countries';
import { TAX_PROFILES, taxProfileOf, totalsUnder, vatTreatment, vatUnder } from '@/domain/billing/tax-profile';

describe('tax profile from the billing data', () => {
  it.each([
    ['IT', null, 'IT_CONSUMER'], ['IT', '06363391001', 'IT_BUSINESS'], ['DE', '123456789', 'EU_BUSINESS'],
    ['GR', '094014298', 'EU_BUSINESS'], ['US', '12-3456789', 'NON_EU_BUSINESS'], ['CH', 'CHE123456789', 'NON_EU_BUSINESS'],
    ['SM', 'SM12345', 'NON_EU_BUSINESS'], ['DE', null, 'FOREIGN_CONSUMER'], ['US', null, 'FOREIGN_CONSUMER'],
  ])('%s with VAT number %s → %s', (country, vatNumber, profile) => {
    expect(taxProfileOf({ country, vatNumber })).toBe(profile);
  });
});

describe('VAT treatment by profile', () => {
  it('charges 22% in Italy and to consumers abroad; nothing, with N2.1 and its note, to businesses abroad', () => {
    expect(TAX_PROFILES.map((p) => [p, vatTreatment(p).ratePercent, vatTreatment(p).natura])).toEqual([
      ['IT_CONSUMER', 22, null], ['IT_BUSINESS', 22, null], ['EU_BUSINESS', 0, 'N2.1'], ['NON_EU_BUSINESS', 0, 'N2.1'],
      ['FOREIGN_CONSUMER', 22, null],
    ]);
    expect(vatTreatment('EU_BUSINESS').note?.it).toMatch(/^Inversione contabile.*art\. 7-ter DPR 633\/72$/);
    expect(vatTreatment('EU_BUSINESS').note?.en).toMatch(/^Reverse charge/);
    expect(vatTreatment('NON_EU_BUSINESS').note?.it).toMatch(/^Operazione non soggetta.*art\. 7-ter/);
    expect(vatTreatment('IT_BUSINESS').note).toBeNull();
  });

  it('keeps the worked examples for Italian customers', () => {
    const italian = vatTreatment('IT_CONSUMER');
    expect(totalsUnder(italian, [-2457, 4964])).toEqual({ netCents: 2507, vatCents: 552, totalCents: 3059 });
    expect(totalsUnder(italian, [9900])).toEqual({ netCents: 9900, vatCents: 2178, totalCents: 12078 });
    expect(totalsUnder(vatTreatment('EU_BUSINESS'), [-2457, 4964])).toEqual({ netCents: 2507, vatCents: 0, totalCents: 2507 });
  });

  const country = fc.constantFrom('IT', 'DE', 'FR', 'GR', 'US', 'CH', 'GB', 'JP', 'SM');
  const billing = fc.record({ country, vatNumber: fc.option(fc.constantFrom('06363391001', '123456789', 'X1'), { nil: null }) });
  const lines = fc.array(fc.integer({ min: -1_000_000, max: 10_000_000 }), { minLength: 1, maxLength: 8 });

  it('VAT is zero exactly for a business outside Italy; total = net + VAT, VAT once on the net (property)', () => {
    fc.assert(fc.property(billing, lines, (b, amounts) => {
      const profile = taxProfileOf(b);
      const treatment = vatTreatment(profile);
      const totals = totalsUnder(treatment, amounts);
      const businessAbroad = b.country !== 'IT' && b.vatNumber !== null;
      expect(profile === 'EU_BUSINESS').toBe(businessAbroad && EU_COUNTRIES.has(b.country));
      expect(treatment.ratePercent === 0).toBe(businessAbroad);
      expect(treatment.natura === 'N2.1').toBe(businessAbroad);
      expect(totals.netCents).toBe(amounts.reduce((s, a) => s + a, 0));
      expect(totals.totalCents).toBe(totals.netCents + totals.vatCents);
      expect(totals.vatCents).toBe(vatUnder(treatment, totals.netCents));
      if (!businessAbroad) expect(Math.abs(totals.vatCents * 100 - totals.netCents * 22)).toBeLessThanOrEqual(50);
    }), { numRuns: 1000 });
  });
});
