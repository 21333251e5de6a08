import Link from 'next/link';
import { signedInQuery } from '@/portal/graphql';
import { date } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';
import { CLIENTS_PAGE_QUERY } from './query';

export const metadata = { title: 'Clienti' };

interface Clients {
  clients: {
    totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; name: string; email: string; domains: { name: string; services: { id: string; status: string; expiresOn: string; product: { code: string } }[] }[] } }[];
  };
  viewer: { account: { kind: string } | null };
}

export default async function ClientsPage({ searchParams }: { searchParams: Promise<{ cerca?: string; dopo?: string }> }) {
  const { locale, t } = await getDictionary();
  const { cerca, dopo } = await searchParams;
  const { clients, viewer } = await signedInQuery<Clients>(CLIENTS_PAGE_QUERY, { search: cerca || null, after: dopo ?? null });
  return (
    <>
      <h1>{t.clients.title} ({clients.totalCount})</h1>
      {viewer.account?.kind === 'RESELLER' && <p><Link href="/area/clienti/nuovo" className="button">{t.clients.create}</Link></p>}
      <form className="card filters" role="search" aria-label={t.clients.search}>
        <div><label htmlFor="cerca">{t.clients.search}</label><input id="cerca" name="cerca" type="search" defaultValue={cerca} /></div>
        <div className="filter-buttons"><button type="submit">{t.orders.search}</button></div>
      </form>
      {!clients.edges.length ? <div className="card"><p>{t.clients.none}</p></div> : clients.edges.map(({ node }) => (
        <section key={node.id} className="card client" aria-labelledby={`client-${node.id}`}>
          <h2 id={`client-${node.id}`}><Link href={`/area/clienti/${node.id}`}>{node.name}</Link> <span className="muted">{node.email}</span></h2>
          <ul className="plain">
            {node.domains.map((domain) => (
              <li key={domain.name}>
                <strong>{domain.name}</strong>: {domain.services.map((s) => `${s.product.code} (${t.status[s.status]}, ${date(s.expiresOn, locale)})`).join(' · ')}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {clients.pageInfo.hasNextPage && <p><Link href={`/area/clienti?${new URLSearchParams({ ...(cerca ? { cerca } : {}), dopo: clients.pageInfo.endCursor ?? '' })}`}>{t.clients.more}</Link></p>}
    </>
  );
}
