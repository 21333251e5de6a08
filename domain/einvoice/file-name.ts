/**
 * The SdI wants each file named `IT<transmitter's VAT number>_<progressive>.xml`, the progressive being five
 * letters or digits never used before by that transmitter. It is the caller's sequence number in base 36,
 * upper case, zero padded: unique as long as the sequence is (a database sequence), and 60,466,175 of them.
 */
const BASE = 36;
const WIDTH = 5;
export const MAX_PROGRESSIVE = BASE ** WIDTH - 1;

/** The 5 alphanumerics of a file, also its `ProgressivoInvio`. */
export function transmissionCode(progressive: number): string {
  if (!Number.isSafeInteger(progressive) || progressive < 1 || progressive > MAX_PROGRESSIVE) {
    throw new RangeError(`A file's progressive is an integer from 1 to ${MAX_PROGRESSIVE}, not ${progressive}`);
  }
  return progressive.toString(BASE).toUpperCase().padStart(WIDTH, '0');
}

export function eInvoiceFileName(sellerVatNumber: string, progressive: number): string {
  return `IT${sellerVatNumber}_${transmissionCode(progressive)}.xml`;
}
