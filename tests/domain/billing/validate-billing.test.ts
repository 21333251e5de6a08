import { COUNTRY_CODES, EU_COUNTRIES } from '@/domain/billing/countries';
import { missingForEInvoice } from '@/domain/billing/e-invoice-requirements';
import { EU_VAT_COUNTRIES, euVatExample } from '@/domain/billing/eu-vat-formats';
import { ITALIAN_PROVINCES } from '@/domain/billing/italian-provinces';
import { vatCheckDigit } from '@/domain/billing/italian-tax-codes';
import { validateBilling, type BillingValidation } from '@/domain/billing/validate-billing';
import type { BillingData, BillingInput } from '@/domain/billing/billing-data';

const consumer: BillingInput = {
  kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT', address: 'Via Roma 1', postalCode: '00184',
  city: 'Roma', province: 'RM', fiscalCode: 'RSSMRA85T10A562S',
};
const business: BillingInput = {
  kind: 'COMPANY', companyName: 'Rossi Hosting S.r.l.', country: 'IT', address: 'Via Torino 10', postalCode: '20123',
  city: 'Milano', province: 'MI', vatNumber: '06363391001', sdiCode: 'm5uxcr1',
};

function valid(input: BillingInput): BillingData {
  const result = validateBilling(input);
  if (!result.ok) throw new Error(`expected valid billing data, got ${JSON.stringify(result.problems)}`);
  return result.billing;
}

function problemsOf(result: BillingValidation) {
  return result.ok ? [] : result.problems.map(({ field, code }) => [field, code]);
}

describe('normalisation', () => {
  it('trims, upper-cases codes, strips spaces and the VAT prefix, and empties blanks', () => {
    expect(valid({
      kind: ' person ', firstName: '  Mario  ', lastName: 'De  Rossi', country: 'it', address: ' Via Roma 1 ',
      postalCode: ' 00 184 ', city: 'Roma', province: 'rm', fiscalCode: 'rssmra 85t10 a562s', vatNumber: 'IT 063.633.910-01',
      sdiCode: ' 0000000 ', pec: ' Mario.Rossi@PEC.example.it ', companyName: 'ignored for a person',
    })).toEqual({
      kind: 'PERSON', companyName: null, firstName: 'Mario', lastName: 'De Rossi', country: 'IT', address: 'Via Roma 1',
      postalCode: '00184', city: 'Roma', province: 'RM', fiscalCode: 'RSSMRA85T10A562S', vatNumber: '06363391001',
      sdiCode: null, pec: 'mario.rossi@pec.example.it',
    });
  });

  it('keeps a foreign postal code and region as written', () => {
    const billing = valid({ kind: 'COMPANY', companyName: 'Acme Ltd', country: 'gb', postalCode: 'sw1a 1aa', province: 'Greater London', vatNumber: 'GB 123 4567 89' });
    expect([billing.postalCode, billing.province, billing.vatNumber]).toEqual(['SW1A 1AA', 'Greater London', 'GB123456789']);
  });
});

describe('field by field', () => {
  it('accepts a complete consumer and a complete business', () => {
    expect(problemsOf(validateBilling(consumer))).toEqual([]);
    expect(problemsOf(validateBilling(business))).toEqual([]);
  });

  it('names every wrong field at once, never throwing', () => {
    const result = validateBilling({
      kind: 'PERSON', firstName: '', lastName: 'Rossi', country: 'IT', postalCode: '1234', province: 'XX',
      fiscalCode: 'RSSMRA85T10A562T', vatNumber: '06363391002', sdiCode: 'ABC12', pec: 'not-an-address',
    });
    expect(problemsOf(result)).toEqual([
      ['firstName', 'REQUIRED'], ['postalCode', 'INVALID'], ['province', 'INVALID'], ['fiscalCode', 'INVALID_CHECK_DIGIT'],
      ['vatNumber', 'INVALID_CHECK_DIGIT'], ['sdiCode', 'INVALID'], ['pec', 'INVALID'],
    ]);
    expect(result.ok || result.problems.every((p) => p.message.length > 10)).toBe(true);
  });

  it('requires a kind, a name and a country', () => {
    expect(problemsOf(validateBilling({}))).toEqual([['kind', 'REQUIRED'], ['country', 'REQUIRED']]);
    expect(problemsOf(validateBilling({ kind: 'COMPANY', country: 'IT' }))).toEqual([['companyName', 'REQUIRED']]);
    expect(problemsOf(validateBilling({ kind: 'PERSON', country: 'IT' }))).toEqual([['firstName', 'REQUIRED'], ['lastName', 'REQUIRED']]);
    expect(problemsOf(validateBilling({ kind: 'ROBOT', country: 'XX' }))).toEqual([['kind', 'INVALID'], ['country', 'INVALID']]);
  });

  it("takes a person's fiscal code of 16 characters, and a company's of 11 digits or a sole trader's 16", () => {
    expect(problemsOf(validateBilling({ ...consumer, fiscalCode: '06363391001' }))).toEqual([['fiscalCode', 'INVALID']]);
    expect(problemsOf(validateBilling({ ...business, fiscalCode: '06363391001' }))).toEqual([]);
    expect(problemsOf(validateBilling({ ...business, fiscalCode: 'RSSMRA85T10A562S' }))).toEqual([]);
    expect(problemsOf(validateBilling({ ...business, fiscalCode: '06363391000' }))).toEqual([['fiscalCode', 'INVALID_CHECK_DIGIT']]);
    expect(problemsOf(validateBilling({ ...consumer, fiscalCode: 'RSSMRA85T32A562S' }))).toEqual([['fiscalCode', 'INVALID']]); // day 32
    expect(problemsOf(validateBilling({ ...consumer, fiscalCode: 'RSSMRA85F10A562S' }))).toEqual([['fiscalCode', 'INVALID']]); // no month F
  });

  it('bounds free text and the non-EU tax id', () => {
    expect(problemsOf(validateBilling({ ...business, companyName: 'x'.repeat(201), address: 'y'.repeat(200) }))).toEqual([['companyName', 'TOO_LONG']]);
    // A person's names as FatturaPA's Nome and Cognome hold them (and the account stores them): 60 characters.
    expect(problemsOf(validateBilling({ ...consumer, firstName: 'x'.repeat(61), lastName: 'y'.repeat(60) }))).toEqual([['firstName', 'TOO_LONG']]);
    const swiss = { kind: 'COMPANY', companyName: 'Muster AG', country: 'CH' };
    expect(problemsOf(validateBilling({ ...swiss, vatNumber: 'CHE-123.456.789 MWST' }))).toEqual([]);
    expect(problemsOf(validateBilling({ ...swiss, vatNumber: 'A'.repeat(29) }))).toEqual([['vatNumber', 'INVALID']]);
    expect(problemsOf(validateBilling({ ...swiss, vatNumber: 'CHE#123' }))).toEqual([['vatNumber', 'INVALID']]);
  });
});

describe('EU VAT numbers by country', () => {
  const company = (country: string, vatNumber: string) => ({ kind: 'COMPANY', companyName: 'Example', country, vatNumber });

  it('covers the 27 member states, Greece as EL', () => {
    expect([...EU_VAT_COUNTRIES].sort()).toEqual([...EU_COUNTRIES].sort());
    expect(EU_VAT_COUNTRIES).toHaveLength(27);
    expect(euVatExample('GR')).toMatch(/^EL/);
  });

  it.each(EU_VAT_COUNTRIES.filter((c) => c !== 'IT'))("accepts %s's format with or without its prefix and refuses another", (country) => {
    const example = euVatExample(country)!;
    const bare = example.slice(2);
    expect(valid(company(country, example)).vatNumber).toBe(bare);
    expect(valid(company(country, bare)).vatNumber).toBe(bare);
    expect(problemsOf(validateBilling(company(country, `${bare}9999`)))).toEqual([['vatNumber', 'INVALID']]);
    expect(problemsOf(validateBilling(company(country, 'ABC')))).toEqual([['vatNumber', 'INVALID']]);
  });

  it.each([
    ['DE', 'DE 123 456 789', true], ['DE', '12345678', false], ['AT', 'ATU12345678', true], ['AT', '12345678', false],
    ['FR', 'FRXX123456789', true], ['FR', 'FRIO123456789', false], ['NL', 'NL123456789B01', true], ['NL', '123456789C01', false],
    ['GR', 'EL094014298', true], ['GR', 'GR094014298', true], ['ES', 'ESB12345678', true], ['ES', 'ES123456789', false],
    ['IE', 'IE6388047V', true], ['IE', 'IE1234567WA', true], ['SE', 'SE556703748501', true], ['SE', 'SE556703748502', false],
    ['BE', 'BE0123456789', true], ['BE', 'BE2123456789', false], ['CY', 'CY10259033P', true], ['LT', 'LT123456789012', true],
  ])('%s %s → %s', (country, vat, ok) => {
    expect(validateBilling(company(country, vat)).ok).toBe(ok);
  });
});

describe('reference lists', () => {
  it('knows the 249 ISO 3166 countries, each one a region the platform can name', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    expect([...COUNTRY_CODES].filter((code) => !names.of(code))).toEqual([]);
  });

  it("knows Italy's 107 provinces and the Sardinian codes back in use", () => {
    expect(ITALIAN_PROVINCES.size).toBe(111);
    for (const code of ['RM', 'MI', 'AO', 'BT', 'MB', 'SU', 'VS']) expect(ITALIAN_PROVINCES.has(code)).toBe(true);
    for (const code of ['XX', 'FO', 'PS', 'EE']) expect(ITALIAN_PROVINCES.has(code)).toBe(false);
  });
});

describe('what the e-invoice needs (BILLING_INCOMPLETE)', () => {
  it('needs nothing more from complete data', () => {
    expect(missingForEInvoice(valid(consumer))).toEqual([]);
    expect(missingForEInvoice(valid(business))).toEqual([]);
    expect(missingForEInvoice(valid({ kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE', address: 'Hauptstr. 1', city: 'Berlin', vatNumber: 'DE123456789' }))).toEqual([]);
    expect(missingForEInvoice(valid({ kind: 'PERSON', firstName: 'Jane', lastName: 'Doe', country: 'US', address: '1 Main St', city: 'Boston' }))).toEqual([]);
  });

  it("asks an Italian consumer for the fiscal code, and Italians for CAP and province", () => {
    expect(missingForEInvoice(valid({ kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT' })))
      .toEqual(['address', 'postalCode', 'city', 'province', 'fiscalCode']);
    expect(missingForEInvoice(valid({ ...consumer, fiscalCode: null, vatNumber: '06363391001' }))).toEqual([]); // a sole trader
  });

  it("asks for the name the e-invoice is made out to: a company's, or a person's first and last", () => {
    const nameless = { ...valid(consumer), firstName: null, lastName: null };
    expect(missingForEInvoice(nameless)).toEqual(['firstName', 'lastName']);
    expect(missingForEInvoice({ ...valid(business), companyName: null })).toEqual(['companyName']);
  });

  it('asks a company for its VAT number; an Italian body without one for its fiscal code', () => {
    expect(missingForEInvoice(valid({ ...business, vatNumber: null }))).toEqual(['vatNumber']);
    const association = `9701234567${vatCheckDigit('9701234567')}`;
    expect(missingForEInvoice(valid({ ...business, vatNumber: null, fiscalCode: association }))).toEqual([]);
    expect(missingForEInvoice(valid({ kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE', address: 'Hauptstr. 1', city: 'Berlin' }))).toEqual(['vatNumber']);
  });
});
