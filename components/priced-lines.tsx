import { getDictionary } from '@/portal/i18n';

interface Formatted { formatted: string }
export interface PricedLinesData { lines: { description: string; amount: Formatted }[]; net: Formatted; vat: Formatted; total: Formatted }

export const PRICED_LINES_FIELDS = 'lines { description amount { formatted } } net { formatted } vat { formatted } total { formatted }';

/** The lines of a quote or an order, then the taxable amount, the VAT and the total. */
export async function PricedLines({ priced }: { priced: PricedLinesData }) {
  const { t } = await getDictionary();
  return (
    <table className="quote-lines">
      <thead><tr><th scope="col">{t.quote.description}</th><th scope="col" className="amount">{t.quote.amount}</th></tr></thead>
      <tbody>{priced.lines.map((line, i) => <tr key={i}><td>{line.description}</td><td className="amount">{line.amount.formatted}</td></tr>)}</tbody>
      <tfoot>
        <tr><th scope="row">{t.quote.net}</th><td className="amount">{priced.net.formatted}</td></tr>
        <tr><th scope="row">{t.quote.vat}</th><td className="amount">{priced.vat.formatted}</td></tr>
        <tr className="total"><th scope="row">{t.quote.total}</th><td className="amount" data-testid="total">{priced.total.formatted}</td></tr>
      </tfoot>
    </table>
  );
}
