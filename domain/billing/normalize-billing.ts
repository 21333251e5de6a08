import { normalizeEmail } from '../identity';
import type { BillingData, BillingInput } from './billing-data';
import { ITALY } from './countries';
import { vatPrefixOf } from './eu-vat-formats';

/** Billing data as typed, tidied once: what validation checks and what is stored. `kind` is not checked yet. */
export type NormalizedBilling = Omit<BillingData, 'kind'> & { kind: string | null };

/** Trimmed, inner whitespace collapsed, composed (NFC); blank → null. */
function text(value: string | null | undefined): string | null {
  const tidy = value?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return tidy ? tidy : null;
}

/** Upper case without any whitespace; blank → null. */
function code(value: string | null | undefined): string | null {
  const tidy = value?.replace(/\s+/g, '').toUpperCase();
  return tidy ? tidy : null;
}

// The SdI's "no code" value: the same as no code at all.
const NO_SDI_CODE = '0000000';

/** VAT numbers are written with dots, dashes and the country prefix (`DE 123.456.789`): kept as the bare number. */
function vatNumber(value: string | null | undefined, country: string | null): string | null {
  const bare = code(value)?.replace(/[.\-/]/g, '');
  if (!bare) return null;
  const prefixes = [country && vatPrefixOf(country), country === 'GR' ? 'GR' : null].filter((p): p is string => !!p);
  const prefix = prefixes.find((p) => bare.startsWith(p) && bare.length > p.length);
  return prefix ? bare.slice(prefix.length) : bare;
}

export function normalizeBilling(input: BillingInput): NormalizedBilling {
  const kind = code(input.kind);
  const country = code(input.country);
  const italian = country === ITALY;
  const person = kind === 'PERSON';
  const sdiCode = code(input.sdiCode);
  const pec = text(input.pec);
  return {
    kind,
    companyName: person ? null : text(input.companyName),
    firstName: person ? text(input.firstName) : null,
    lastName: person ? text(input.lastName) : null,
    country,
    address: text(input.address),
    postalCode: italian ? code(input.postalCode) : text(input.postalCode)?.toUpperCase() ?? null,
    city: text(input.city),
    province: italian ? code(input.province) : text(input.province),
    fiscalCode: code(input.fiscalCode),
    vatNumber: vatNumber(input.vatNumber, country),
    sdiCode: sdiCode === NO_SDI_CODE ? null : sdiCode,
    pec: pec ? normalizeEmail(pec) : null,
  };
}
