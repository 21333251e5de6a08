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
