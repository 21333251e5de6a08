import { COUNTRY_CODES } from '@/domain/billing/countries';
import { missingForEInvoice } from '@/domain/billing/e-invoice-requirements';
import type { BillingData } from '@/domain/billing/billing-data';
import type { Locale } from '@/domain/money';

/** The form's text fields, by the names `updateBillingDetails` takes (the kind is a radio beside them). */
export const BILLING_FORM_FIELDS = [
  'companyName', 'firstName', 'lastName', 'country', 'address', 'postalCode', 'city', 'province', 'fiscalCode', 'vatNumber', 'sdiCode', 'pec',
] as const;
export type BillingFormField = (typeof BILLING_FORM_FIELDS)[number] | 'kind';
export type BillingFormValues = Record<BillingFormField, string>;

/** What the form shows: the values (as typed, after an error), each field's error, and a problem not about one field. */
export interface BillingFormState { values: BillingFormValues; errors: Partial<Record<BillingFormField, string>>; notice: string | null }

/** What the pages read of `BillingDetails` to fill the form. */
export const BILLING_DETAILS_FIELDS = 'kind companyName firstName lastName country addressLine postalCode city province fiscalCode vatNumber recipientCode pecEmail';

export interface BillingDetailsView {
  kind: 'PERSON' | 'COMPANY'; companyName: string | null; firstName: string | null; lastName: string | null; country: string; addressLine: string | null;
  postalCode: string | null; city: string | null; province: string | null; fiscalCode: string | null; vatNumber: string | null; recipientCode: string | null; pecEmail: string | null;
}

/** The API's billing details in the rules' shape (the output keeps the names it first published). */
function billingData(view: BillingDetailsView): BillingData {
  const { addressLine, recipientCode, pecEmail, ...rest } = view;
  return { ...rest, address: addressLine, sdiCode: recipientCode, pec: pecEmail };
}

export function formValues(view: BillingDetailsView): BillingFormValues {
  const data = billingData(view);
  return Object.fromEntries(['kind', ...BILLING_FORM_FIELDS].map((field) => [field, data[field as keyof BillingData] ?? ''])) as BillingFormValues;
}

/** The fields the e-invoice still lacks, to say why a payment brought the visitor here. */
export function missingFields(view: BillingDetailsView): BillingFormField[] {
  return missingForEInvoice(billingData(view));
}

/** Where to go back after saving: a page of the customer area, never another site. */
export function safeNext(value: unknown): string | null {
  return typeof value === 'string' && /^\/area(\/|$|\?)/.test(value) && !/[\\]|\/\//.test(value) ? value : null;
}

/** The form of the visitor's own account, or of a reseller's client. */
export function billingFormPath(accountId: string | null): string {
  return accountId ? `/area/clienti/${accountId}/dati-fatturazione` : '/area/dati-fatturazione';
}

/** The form's countries, [ISO code, name] in the visitor's language, by name. */
export function countryOptions(locale: Locale): [string, string][] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return [...COUNTRY_CODES].map((code): [string, string] => [code, names.of(code) ?? code]).sort((a, b) => a[1].localeCompare(b[1], locale));
}

/** An empty form: a person in Italy. */
export function emptyFormValues(): BillingFormValues {
  return { ...Object.fromEntries(BILLING_FORM_FIELDS.map((field) => [field, ''])), kind: 'PERSON', country: 'IT' } as BillingFormValues;
}
