import type { BillingKind } from './billing-data';

/** The names billing data is made out to, as stored: a display name, with the kind and split names when known. */
export interface StoredNames {
  name: string;
  vatNumber: string | null;
  kind?: BillingKind | null;
  firstName?: string | null;
  lastName?: string | null;
}

export interface BillingNames { kind: BillingKind; companyName: string | null; firstName: string | null; lastName: string | null }

/**
 * Whom billing data stored before it had a kind (an invoice's snapshot, an account's row) is made out to: a
 * company when it has a VAT number, otherwise a person whose name splits at the first space (the account
 * migration splits the same way). Data with a kind is read as it is.
 */
export function namesOf(stored: StoredNames): BillingNames {
  const kind = stored.kind ?? (stored.vatNumber ? 'COMPANY' : 'PERSON');
  if (kind === 'COMPANY') return { kind, companyName: stored.name, firstName: null, lastName: null };
  if (stored.kind) return { kind, companyName: null, firstName: stored.firstName ?? null, lastName: stored.lastName ?? null };
  const space = stored.name.indexOf(' ');
  return space < 0
    ? { kind, companyName: null, firstName: stored.name, lastName: null }
    : { kind, companyName: null, firstName: stored.name.slice(0, space), lastName: stored.name.slice(space + 1) };
}

/** The display name of billing data: the company's, or the person's first and last name. */
export function displayName(names: Pick<BillingNames, 'companyName' | 'firstName' | 'lastName'>): string {
  return names.companyName ?? [names.firstName, names.lastName].filter(Boolean).join(' ');
}
