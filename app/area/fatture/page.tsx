import Link from 'next/link';
import { signedInQuery } from '@/portal/graphql';
import { date } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Fatture' };

interface InvoiceRow {
  id: string; kind: 'INVOICE' | 'CREDIT_NOTE'; number: string; correctsInvoiceNumber: string | null; issuedOn: string; orderCode: string;
  total: { formatted: string }; pdfUrl: string;
  /** Null for an invoice issued before e-invoicing. */
  eInvoice: { status: string; xmlUrl: string } | null;
}
interface Invoices { invoiceYears: number[]; invoices: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: InvoiceRow }[] } }

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<{ anno?: string; dopo?: string }> }) {
  const { locale, t } = await getDictionary();
  const { anno, dopo } = await searchParams;
  const year = anno && /^\d{4}$/.test(anno) ? Number(anno) : null;
  const { invoiceYears, invoices } = await signedInQuery<Invoices>(`query($year: Int, $after: String) { invoiceYears invoices(first: 50, year: $year, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id kind number correctsInvoiceNumber issuedOn orderCode total { formatted } pdfUrl eInvoice { status xmlUrl } } } } }`, { year, after: dopo ?? null });
  return (
    <>
      <h1>{t.invoices.title}</h1>
      <form className="card filters" role="search" aria-label={t.invoices.year}>
        <div>
          <label htmlFor="anno">{t.invoices.year}</label>
          <select id="anno" name="anno" defaultValue={year ?? ''}>
            <option value="">{t.orders.any}</option>
            {invoiceYears.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
        <div className="filter-buttons"><button type="submit">{t.orders.search}</button></div>
      </form>
      <div className="card">
        {!invoices.edges.length ? <p>{t.invoices.none}</p> : (
          <div className="table-scroll">
            <table className="invoices">
              <thead><tr>
                <th scope="col">{t.invoices.number}</th><th scope="col">{t.invoices.kind}</th><th scope="col">{t.invoices.date}</th><th scope="col">{t.invoices.order}</th>
                <th scope="col" className="amount">{t.invoices.total}</th><th scope="col">{t.invoices.sdiStatus}</th><th scope="col">{t.invoices.files}</th>
              </tr></thead>
              <tbody>
                {invoices.edges.map(({ node }) => (
                  <tr key={node.id} data-kind={node.kind}>
                    <th scope="row">{node.number}</th>
                    <td>{t.invoices.kinds[node.kind]}{node.correctsInvoiceNumber && <><br /><span className="muted">{t.invoices.corrects} {node.correctsInvoiceNumber}</span></>}</td>
                    <td>{date(node.issuedOn, locale)}</td>
                    <td><Link href={`/area/ordini/${node.orderCode}`}>{node.orderCode}</Link></td>
                    <td className="amount">{node.total.formatted}</td>
                    <td className="sdi-status">{node.eInvoice ? t.invoices.sdi[node.eInvoice.status] ?? node.eInvoice.status : '—'}</td>
                    <td>
                      <a href={node.pdfUrl} download aria-label={`${t.invoices.download} ${node.number}`}>{t.invoices.pdf}</a>
                      {' · '}
                      {node.eInvoice ? <a href={node.eInvoice.xmlUrl} download aria-label={`${t.invoices.downloadXml} ${node.number}`}>{t.invoices.xml}</a> : <span>{t.invoices.xml} —</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">{t.invoices.courtesy}</p>
        {invoices.pageInfo.hasNextPage && <p><Link href={`/area/fatture?${new URLSearchParams({ ...(anno ? { anno } : {}), dopo: invoices.pageInfo.endCursor ?? '' })}`}>{t.orders.more}</Link></p>}
      </div>
    </>
  );
}
