/**
 * The two-letter codes of Italy's provinces and metropolitan cities (as on the SdI's and the post office's
 * records), plus the Sardinian codes in use again since the 2025 reorganisation (CI, OG, OT, VS) beside SU.
 */
const CODES = `
AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT CZ EN FC FE FG FI FM FR GE
GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU OR PA PC PD PE PG PI PN PO PR PT PU PV PZ RA RC
RE RG RI RM RN RO SA SI SO SP SR SS SU SV TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV
CI OG OT VS`;

export const ITALIAN_PROVINCES: ReadonlySet<string> = new Set(CODES.trim().split(/\s+/));

export function isItalianProvince(code: string): boolean {
  return ITALIAN_PROVINCES.has(code);
}
