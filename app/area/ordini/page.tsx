import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { signedInResult } from '@/portal/graphql';
import { date } from '@/portal/format';
import { getDictionary, problemMessage } from '@/portal/i18n';

export const metadata = { title: 'Ordini' };

const STATUSES = ['AWAITING_PAYMENT', 'PAID', 'FULFILLED', 'CANCELLED'];

interface Orders { orders: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { code: string; placedOn: string; status: string; kind: string; total: { formatted: string } } }[] } }

type Search = { codice?: string; dal?: string; al?: string; stato?: string; dopo?: string };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { locale, t } = await getDictionary();
  const search = await searchParams;
  const filter = {
    code: search.codice || null,
    from: search.dal || null,
    to: search.al || null,
    status: STATUSES.includes(search.stato ?? '') ? search.stato : null,
  };
  const query = `query($filter: OrderFilter, $after: String) { orders(first: 25, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { code placedOn status kind total { formatted } } } } }`;
  const { data, errors } = await signedInResult<Orders>(query, { filter, after: search.dopo ?? null });
  const more = new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)), dopo: data?.orders.pageInfo.endCursor ?? '' });
  return (
    <>
      <h1>{t.orders.title}</h1>
      <form className="card filters" role="search" aria-label={t.orders.search}>
        <div><label htmlFor="codice">{t.orders.code}</label><input id="codice" name="codice" defaultValue={search.codice} placeholder="HCS-2026-000001" /></div>
        <div><label htmlFor="dal">{t.orders.from}</label><input id="dal" name="dal" type="date" defaultValue={search.dal} /></div>
        <div><label htmlFor="al">{t.orders.to}</label><input id="al" name="al" type="date" defaultValue={search.al} /></div>
        <div>
          <label htmlFor="stato">{t.orders.status}</label>
          <select id="stato" name="stato" defaultValue={search.stato ?? ''}>
            <option value="">{t.orders.any}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t.status[s]}</option>)}
          </select>
        </div>
        <div className="filter-buttons"><button type="submit">{t.orders.search}</button> <Link href="/area/ordini">{t.orders.reset}</Link></div>
      </form>
      <div className="card">
        {errors?.length ? <p role="alert" className="error">{problemMessage(errors[0].extensions?.problems?.[0]?.code, locale) ?? t.errors.generic}</p> : !data?.orders.edges.length ? <p>{t.orders.none}</p> : (
          <div className="table-scroll">
            <table>
              <thead><tr><th scope="col">{t.orders.code}</th><th scope="col">{t.orders.date}</th><th scope="col">{t.orders.status}</th><th scope="col" className="amount">{t.orders.total}</th></tr></thead>
              <tbody>
                {data.orders.edges.map(({ node }) => (
                  <tr key={node.code}>
                    <th scope="row"><Link href={`/area/ordini/${node.code}`}>{node.code}</Link></th>
                    <td>{date(node.placedOn, locale)}</td>
                    <td><StatusBadge status={node.status} label={t.status[node.status]} /></td>
                    <td className="amount">{node.total.formatted}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data?.orders.pageInfo.hasNextPage && <p><Link href={`/area/ordini?${more}`}>{t.orders.more}</Link></p>}
      </div>
    </>
  );
}
