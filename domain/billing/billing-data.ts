/** A customer's billing data ("dati di fatturazione"), as entered and once normalised. */

export type BillingKind = 'PERSON' | 'COMPANY';
export const BILLING_KINDS: readonly BillingKind[] = ['PERSON', 'COMPANY'];

/** What a form or the API hands over: any field may be missing, blank or badly spaced. */
export interface BillingInput {
  kind?: string | null;
  /** A company's name (FatturaPA `Denominazione`). */
  companyName?: string | null;
  /** A person's first and last name (FatturaPA `Nome`, `Cognome`). */
  firstName?: string | null;
  lastName?: string | null;
  /** ISO 3166-1 alpha-2. */
  country?: string | null;
  /** Street and number. */
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Italy: the province's two letters. */
  province?: string | null;
  fiscalCode?: string | null;
  /** Without the country prefix once normalised (`IT`, `EL`… are taken off). */
  vatNumber?: string | null;
  /** The 7-character code of the customer's SdI channel ("codice destinatario"). */
  sdiCode?: string | null;
  /** The customer's certified email (PEC). */
  pec?: string | null;
}

/** Valid, normalised billing data: trimmed, codes upper-cased without spaces, blanks as null. */
export interface BillingData {
  kind: BillingKind;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  country: string | null;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  fiscalCode: string | null;
  vatNumber: string | null;
  sdiCode: string | null;
  pec: string | null;
}

export type BillingField = keyof BillingData;
