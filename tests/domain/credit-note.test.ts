import fc from 'fast-check';
import { leftToCredit, partialCreditTotals } from '@/domain/credit-note';
import { parseInvoiceNumber } from '@/domain/documents';
import { totalsOf, type Totals } from '@/domain/money';

// docs/product-rules.md, Refunds and credit notes
describe('the amounts of credit notes', () => {
  it('credit a net amount with VAT at the rate, rounded half-up, total = net + VAT', () => {
    const invoice = totalsOf([2507]);
    expect(invoice).toEqual({ netCents: 2507, vatCents: 552, totalCents: 3059 });
    expect(partialCreditTotals(invoice, 22, 1000)).toEqual({ netCents: 1000, vatCents: 220, totalCents: 1220 });
    expect(partialCreditTotals(invoice, 22, 1002)).toEqual({ netCents: 1002, vatCents: 220, totalCents: 1222 }); // 220.44
    expect(partialCreditTotals(invoice, 22, 1004)).toEqual({ netCents: 1004, vatCents: 221, totalCents: 1225 }); // 220.88
    expect(partialCreditTotals(invoice, 0, 1000)).toEqual({ netCents: 1000, vatCents: 0, totalCents: 1000 });
  });

  it('take what earlier credit notes credited away from what is left', () => {
    expect(leftToCredit(totalsOf([2507]), [{ netCents: 1000, vatCents: 220, totalCents: 1220 }])).toEqual({ netCents: 1507, vatCents: 332, totalCents: 1839 });
    expect(leftToCredit(totalsOf([2507]), [])).toEqual(totalsOf([2507]));
  });

  it('never credit more VAT than the invoice charged: €0.10 at 22% is €0.02 of VAT, three €0.03 credits cannot take €0.03', () => {
    let left = totalsOf([10]);
    const notes = [3, 3, 3, 1].map((net) => {
      const note = partialCreditTotals(left, 22, net);
      left = leftToCredit(left, [note]);
      return note.vatCents;
    });
    expect(notes).toEqual([1, 1, 0, 0]);
    expect(left).toEqual({ netCents: 0, vatCents: 0, totalCents: 0 });
  });

  it('add up to the invoice exactly however it is split, never exceeding it on the way', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000 }), { maxLength: 20 }), fc.constantFrom(22, 0), (net, weights, rate) => {
      const invoice: Totals = rate === 22 ? totalsOf([net]) : { netCents: net, vatCents: 0, totalCents: net };
      let left = invoice;
      const notes: Totals[] = [];
      for (const weight of weights) {
        const part = Math.min(left.netCents, Math.max(1, Math.floor((net * weight) / 20_000)));
        if (left.netCents === 0) break;
        notes.push(partialCreditTotals(left, rate, part));
        left = leftToCredit(invoice, notes);
        expect(left.vatCents).toBeGreaterThanOrEqual(0);
        expect(left.totalCents).toBeGreaterThanOrEqual(0);
      }
      if (left.netCents > 0) notes.push(partialCreditTotals(left, rate, left.netCents));
      expect(leftToCredit(invoice, notes)).toEqual({ netCents: 0, vatCents: 0, totalCents: 0 });
    }));
  });

  it('refuse nothing, a negative amount or more than is left', () => {
    const left = totalsOf([100]);
    for (const net of [0, -1, 101, 1.5]) expect(() => partialCreditTotals(left, 22, net)).toThrow(RangeError);
  });
});

describe('invoice numbers read back', () => {
  it('reads YYYY/NNNNNN, with or without leading zeros, and nothing else', () => {
    expect(parseInvoiceNumber('2026/000012')).toEqual({ year: 2026, number: 12 });
    expect(parseInvoiceNumber(' 2026/12 ')).toEqual({ year: 2026, number: 12 });
    for (const text of ['2026/000000', '2026-000012', '26/000012', '2026/', 'HCS-2026-000012', '2026/0000000012']) expect(parseInvoiceNumber(text)).toBeNull();
  });
});
