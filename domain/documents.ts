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

/** The year and sequence of an invoice number (`2026/000012`, also without the zeros), or null. */
export function parseInvoiceNumber(text: string): { year: number; sequence: number } | null {
  const match = /^(\d{4})\/(\d{1,9})$/.exec(text);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
