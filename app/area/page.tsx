import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { signedInQuery } from '@/portal/graphql';
import { date } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Riepilogo' };

interface Dashboard {
  services: { totalCount: number };
  expirySchedule: { edges: { node: { id: string; domain: string; expiresOn: string; daysLeft: number; product: { code: string } } }[] };
  orders: { totalCount: number; edges: { node: { code: string; placedOn: string; total: { formatted: string }; status: string } }[] };
}

export default async function DashboardPage() {
  const { locale, t } = await getDictionary();
  const data = await signedInQuery<Dashboard>(`{
    services(first: 0) { totalCount }
    expirySchedule(first: 5, withinDays: 60) { edges { node { id domain expiresOn daysLeft product { code } } } }
    orders(first: 5, filter: { status: AWAITING_PAYMENT }) { totalCount edges { node { code placedOn status total { formatted } } } }
  }`);
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      <div className="grid">
        <section className="card" aria-labelledby="services-heading">
          <h2 id="services-heading">{t.dashboard.services}</h2>
          <p className="big-number">{data.services.totalCount}</p>
          <Link href="/area/scadenziario">{t.dashboard.all}</Link>
        </section>
        <section className="card" aria-labelledby="expiries-heading">
          <h2 id="expiries-heading">{t.dashboard.nextExpiries}</h2>
          {data.expirySchedule.edges.length ? (
            <ul className="plain">
              {data.expirySchedule.edges.map(({ node }) => (
                <li key={node.id}><strong>{node.domain}</strong> {node.product.code} — {date(node.expiresOn, locale)} ({node.daysLeft})</li>
              ))}
            </ul>
          ) : <p>{t.dashboard.none}</p>}
        </section>
        <section className="card" aria-labelledby="awaiting-heading">
          <h2 id="awaiting-heading">{t.dashboard.awaiting}</h2>
          {data.orders.edges.length ? (
            <ul className="plain">
              {data.orders.edges.map(({ node }) => (
                <li key={node.code}><Link href={`/area/ordini/${node.code}`}>{node.code}</Link> {node.total.formatted} <StatusBadge status={node.status} label={t.status[node.status]} /></li>
              ))}
            </ul>
          ) : <p>{t.dashboard.none}</p>}
        </section>
      </div>
    </>
  );
}
