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

// ISO 3166-1 alpha-2: the 249 codes assigned to countries and territories.
const COUNTRY_CODES = new Set((
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
  + 'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR '
  + 'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP '
  + 'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT '
  + 'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW '
  + 'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ '
  + 'UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' '));

/** A country as ISO 3166-1 alpha-2 writes it, in either case: IT, de. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code.toUpperCase());
}

/** The two letters of an Italian province (sigla), in either case: MI, bo. */
export function isProvinceCode(code: string): boolean {
  return /^[A-Z]{2}$/i.test(code);
}
