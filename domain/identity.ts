/** Input rules for people, companies and domains (no I/O). */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Codice fiscale of a person (16 characters) or of a company (11 digits).
const FISCAL_CODE = /^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$/;
const VAT_NUMBER = /^(IT)?[0-9]{11}$/;
const RECIPIENT_CODE = /^[A-Z0-9]{7}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const MIN_PASSWORD_LENGTH = 8;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export function isFiscalCode(code: string): boolean {
  return FISCAL_CODE.test(code.toUpperCase());
}

export function isVatNumber(vat: string): boolean {
  return VAT_NUMBER.test(vat.toUpperCase());
}

export function isRecipientCode(code: string): boolean {
  return RECIPIENT_CODE.test(code.toUpperCase());
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

export function isDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are opaque to callers; anything that is not one of ours is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
