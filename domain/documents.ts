/** Order codes `HCS-YYYY-NNNNNN` and invoice numbers `YYYY/NNNNNN`. */

const ORDER_CODE = /^HCS-(\d{4})-(\d{6,})$/;

export function orderCode(year: number, sequence: number): string {
  return `HCS-${year}-${String(sequence).padStart(6, '0')}`;
}

export function isOrderCode(code: string): boolean {
  return ORDER_CODE.test(code);
}

export function invoiceNumber(year: number, sequence: number): string {
  return `${year}/${String(sequence).padStart(6, '0')}`;
}

/** `YYYY/NNNNNN` (the leading zeros optional) read back into its year and number; null when it is not one. */
export function parseInvoiceNumber(text: string): { year: number; number: number } | null {
  const match = /^(\d{4})\/(\d{1,9})$/.exec(text.trim());
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  return number > 0 ? { year, number } : null;
}
