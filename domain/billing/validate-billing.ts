import { isEmail } from '../identity';
import { BILLING_KINDS, type BillingData, type BillingField, type BillingInput, type BillingKind } from './billing-data';
import { ITALY, isCountryCode, isInEu } from './countries';
import { euVatExample, hasEuVatFormat } from './eu-vat-formats';
import { hasValidPersonCheckCharacter, hasValidVatCheckDigit, isItalianVatFormat, isPersonCodeFormat } from './italian-tax-codes';
import { isItalianProvince } from './italian-provinces';
import { normalizeBilling, type NormalizedBilling } from './normalize-billing';

export type BillingProblemCode = 'REQUIRED' | 'INVALID' | 'INVALID_CHECK_DIGIT' | 'TOO_LONG';

export interface BillingProblem { field: BillingField; code: BillingProblemCode; message: string }

export type BillingValidation = { ok: true; billing: BillingData } | { ok: false; problems: BillingProblem[] };

// Generous bounds for what people type; the e-invoice cuts names and addresses to the schema's lengths itself.
const MAX_TEXT = 200;
// A person's names: FatturaPA's Nome and Cognome hold 60 characters, and so does the account.
const MAX_NAME = 60;
const MAX_PEC = 256;
const MAX_TAX_ID = 28;

const ITALIAN_POSTAL_CODE = /^[0-9]{5}$/;
const FOREIGN_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,11}$/;
const SDI_CODE = /^[A-Z0-9]{7}$/;
const TAX_ID = /^[A-Z0-9]+$/;
// The FatturaPA schema's `EmailType` (PECDestinatario), so that an accepted PEC is always a valid element.
const PEC_ADDRESS = /^[!#-'*+/-9=?A-Z^-~-]+(\.[!#-'*+/-9=?A-Z^-~-]+)*@[!#-'*+/-9=?A-Z^-~-]+(\.[!#-'*+/-9=?A-Z^-~-]+)*$/;

type Check = (billing: NormalizedBilling) => BillingProblem | null;

const problem = (field: BillingField, code: BillingProblemCode, message: string): BillingProblem => ({ field, code, message });

function textField(field: 'companyName' | 'firstName' | 'lastName' | 'address' | 'city', label: string, required: (b: NormalizedBilling) => boolean, max = MAX_TEXT): Check {
  return (b) => {
    const value = b[field];
    if (value === null) return required(b) ? problem(field, 'REQUIRED', `${label} is required`) : null;
    return [...value].length > max ? problem(field, 'TOO_LONG', `${label} is longer than ${max} characters`) : null;
  };
}

const isCompany = (b: NormalizedBilling) => b.kind === 'COMPANY';
const isPerson = (b: NormalizedBilling) => b.kind === 'PERSON';
const never = () => false;

const checks: Check[] = [
  (b) => {
    if (b.kind === null) return problem('kind', 'REQUIRED', 'Say whether the customer is a person or a company');
    return BILLING_KINDS.includes(b.kind as BillingKind) ? null : problem('kind', 'INVALID', 'The kind is PERSON or COMPANY');
  },
  textField('companyName', "The company's name", isCompany),
  textField('firstName', 'The first name', isPerson, MAX_NAME),
  textField('lastName', 'The last name', isPerson, MAX_NAME),
  (b) => {
    if (b.country === null) return problem('country', 'REQUIRED', 'The country is required');
    return isCountryCode(b.country) ? null : problem('country', 'INVALID', 'The country is a two-letter ISO 3166 code, such as IT or DE');
  },
  textField('address', 'The address', never),
  textField('city', 'The city', never),
  (b) => {
    if (b.postalCode === null) return null;
    if (b.country === ITALY) {
      return ITALIAN_POSTAL_CODE.test(b.postalCode) ? null : problem('postalCode', 'INVALID', 'An Italian postal code (CAP) has 5 digits');
    }
    return FOREIGN_POSTAL_CODE.test(b.postalCode) ? null : problem('postalCode', 'INVALID', 'The postal code has 2 to 12 letters, digits, spaces or dashes');
  },
  (b) => {
    if (b.province === null) return null;
    if (b.country === ITALY) {
      return isItalianProvince(b.province) ? null : problem('province', 'INVALID', 'The province is the two letters of an Italian province, such as RM or MI');
    }
    return b.province.length <= 60 ? null : problem('province', 'TOO_LONG', 'The province or region is longer than 60 characters');
  },
  (b) => (b.fiscalCode === null ? null : fiscalCodeProblem(b.fiscalCode, b.kind)),
  (b) => (b.vatNumber === null || b.country === null || !isCountryCode(b.country) ? null : vatNumberProblem(b.vatNumber, b.country)),
  (b) => (b.sdiCode === null || SDI_CODE.test(b.sdiCode) ? null : problem('sdiCode', 'INVALID', 'The SdI code has 7 letters or digits')),
  (b) => {
    if (b.pec === null) return null;
    if (b.pec.length > MAX_PEC || !isEmail(b.pec) || !PEC_ADDRESS.test(b.pec)) return problem('pec', 'INVALID', 'The PEC is an email address, such as fatture@pec.example.it');
    return null;
  },
];

function fiscalCodeProblem(code: string, kind: string | null): BillingProblem | null {
  const companyCode = kind !== 'PERSON' && isItalianVatFormat(code);
  if (companyCode) {
    return hasValidVatCheckDigit(code) ? null : problem('fiscalCode', 'INVALID_CHECK_DIGIT', "The fiscal code's check digit does not match: look for a typing error");
  }
  if (!isPersonCodeFormat(code)) {
    const expected = kind === 'PERSON' ? "A person's fiscal code has 16 letters and digits" : "A company's fiscal code has 11 digits (a sole trader's, 16 letters and digits)";
    return problem('fiscalCode', 'INVALID', expected);
  }
  return hasValidPersonCheckCharacter(code) ? null : problem('fiscalCode', 'INVALID_CHECK_DIGIT', "The fiscal code's check character does not match: look for a typing error");
}

function vatNumberProblem(vat: string, country: string): BillingProblem | null {
  if (country === ITALY) {
    if (!isItalianVatFormat(vat)) return problem('vatNumber', 'INVALID', 'An Italian VAT number has 11 digits');
    return hasValidVatCheckDigit(vat) ? null : problem('vatNumber', 'INVALID_CHECK_DIGIT', "The VAT number's check digit does not match: look for a typing error");
  }
  if (isInEu(country)) {
    return hasEuVatFormat(country, vat) ? null : problem('vatNumber', 'INVALID', `This is not a VAT number of ${country}: they look like ${euVatExample(country)}`);
  }
  return vat.length <= MAX_TAX_ID && TAX_ID.test(vat) ? null : problem('vatNumber', 'INVALID', `The tax id has up to ${MAX_TAX_ID} letters and digits`);
}

/** Every wrong field at once, each with its own message; never throws. */
export function validateBilling(input: BillingInput): BillingValidation {
  const billing = normalizeBilling(input);
  const problems = checks.map((check) => check(billing)).filter((p): p is BillingProblem => p !== null);
  return problems.length ? { ok: false, problems } : { ok: true, billing: { ...billing, kind: billing.kind as BillingKind } };
}
