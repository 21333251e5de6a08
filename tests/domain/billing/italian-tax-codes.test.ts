import fc from 'fast-check';
import {
  hasValidPersonCheckCharacter, hasValidVatCheckDigit, personCodeCheckCharacter, vatCheckDigit, withoutOmocodia,
} from '@/domain/billing/italian-tax-codes';
import { validateBilling } from '@/domain/billing/validate-billing';
import { italianVatNumber, personFiscalCode, withOneChange } from './arbitraries';

const italianPerson = { kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT' };
const italianCompany = { kind: 'COMPANY', companyName: 'Rossi S.r.l.', country: 'IT' };

function fieldProblem(input: Parameters<typeof validateBilling>[0], field: string) {
  const result = validateBilling(input);
  return result.ok ? undefined : result.problems.find((p) => p.field === field);
}

describe('check characters of known codes', () => {
  it('computes the check digit of real VAT numbers', () => {
    expect(vatCheckDigit('0636339100')).toBe(1); // the tax agency's own, 06363391001
    expect(hasValidVatCheckDigit('06363391001')).toBe(true);
    expect(hasValidVatCheckDigit('06363391002')).toBe(false);
    expect(hasValidVatCheckDigit('00000000000')).toBe(false); // no holder's serial
  });

  it("computes the check character of a person's code, with and without omocodia", () => {
    expect(personCodeCheckCharacter('RSSMRA85T10A562')).toBe('S');
    expect(personCodeCheckCharacter('MRTMTT25D09F205')).toBe('Z');
    expect(hasValidPersonCheckCharacter('RSSMRA85T10A562S')).toBe(true);
    expect(hasValidPersonCheckCharacter('RSSMRA85T10A562T')).toBe(false);
    // The last digit replaced (2 → N) gives another valid code of the same person, with its own check character.
    const omocode = `RSSMRA85T10A56N${personCodeCheckCharacter('RSSMRA85T10A56N')}`;
    expect(hasValidPersonCheckCharacter(omocode)).toBe(true);
    expect(withoutOmocodia(omocode).slice(0, 15)).toBe('RSSMRA85T10A562');
  });
});

describe('generated codes (properties)', () => {
  it('accepts every generated valid code', () => {
    fc.assert(fc.property(personFiscalCode, (code) => {
      expect(validateBilling({ ...italianPerson, fiscalCode: code }).ok).toBe(true);
    }), { numRuns: 500 });
    fc.assert(fc.property(italianVatNumber, (vat) => {
      expect(validateBilling({ ...italianCompany, vatNumber: vat, fiscalCode: vat }).ok).toBe(true);
    }), { numRuns: 500 });
  });

  it("refuses any single-character change of a person's fiscal code", () => {
    fc.assert(fc.property(personFiscalCode.chain((code) => withOneChange(code)), (changed) => {
      const found = fieldProblem({ ...italianPerson, fiscalCode: changed }, 'fiscalCode');
      expect(found?.code).toMatch(/^(INVALID|INVALID_CHECK_DIGIT)$/);
    }), { numRuns: 2000 });
  });

  it('refuses any single-digit change of a VAT number by its check digit', () => {
    const changedDigit = italianVatNumber.chain((vat) => fc.record({
      position: fc.integer({ min: 0, max: 10 }),
      digit: fc.integer({ min: 0, max: 9 }),
    }).filter(({ position, digit }) => Number(vat[position]) !== digit)
      .map(({ position, digit }) => vat.slice(0, position) + digit + vat.slice(position + 1)));
    fc.assert(fc.property(changedDigit, (changed) => {
      const found = fieldProblem({ ...italianCompany, vatNumber: changed }, 'vatNumber');
      expect(found?.code).toBe('INVALID_CHECK_DIGIT');
      expect(fieldProblem({ ...italianCompany, fiscalCode: changed }, 'fiscalCode')?.code).toBe('INVALID_CHECK_DIGIT');
    }), { numRuns: 2000 });
  });

  it('refuses any single-character change of a VAT number', () => {
    fc.assert(fc.property(italianVatNumber.chain((vat) => withOneChange(vat)), (changed) => {
      expect(fieldProblem({ ...italianCompany, vatNumber: changed }, 'vatNumber')?.code).toMatch(/^(INVALID|INVALID_CHECK_DIGIT)$/);
    }), { numRuns: 1000 });
  });

  it('names a changed character that keeps the format a check-digit problem', () => {
    // Swapping two different digits of the birth year keeps the format: only the check character can tell.
    const found = fieldProblem({ ...italianPerson, fiscalCode: 'RSSMRA58T10A562S' }, 'fiscalCode');
    expect(found).toEqual({ field: 'fiscalCode', code: 'INVALID_CHECK_DIGIT', message: expect.stringContaining('check character') });
  });
});
