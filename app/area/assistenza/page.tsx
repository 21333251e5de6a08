import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { dateTime } from '@/portal/format';
import { signedInQuery, signedInResult } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { portalViewer } from '@/portal/viewer';

export const metadata = { title: 'Assistenza' };

const STATUSES = ['OPEN', 'ANSWERED', 'CUSTOMER_REPLIED', 'CLOSED'];
const DEPARTMENTS = ['TECHNICAL', 'BILLING', 'SALES'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

interface TicketRow { id: string; reference: string; subject: string; status: string; department: string; priority: string; kind: string; lastActivityAt: string; account: { name: string } }
interface Tickets { tickets: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TicketRow }[] } }
type Search = { stato?: string; reparto?: string; priorita?: string; giorni?: string; mie?: string; dopo?: string };

const oneOf = (values: string[], value: string | undefined) => (value && values.includes(value) ? value : null);

/** The customer's requests, or for the back office support's queue, with its filters. */
export default async function TicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { locale, t } = await getDictionary();
  const search = await searchParams;
  const backOffice = (await portalViewer()).user.role !== 'USER';
  const days = Number(search.giorni);
  const filter = {
    status: oneOf(STATUSES, search.stato), department: oneOf(DEPARTMENTS, search.reparto), priority: oneOf(PRIORITIES, search.priorita),
    olderThanDays: Number.isInteger(days) && days > 0 && days <= 3650 ? days : null, assignedToMe: backOffice && search.mie === 'on' ? true : null,
  };
  const query = `query($filter: TicketFilter, $after: String) { tickets(first: 25, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id reference subject status department priority kind lastActivityAt account { name } } } } }`;
  const { data, errors } = await signedInResult<Tickets>(query, { filter, after: search.dopo ?? null });
  const more = new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)), dopo: data?.tickets.pageInfo.endCursor ?? '' });
  const select = (id: string, label: string, values: string[], labels: Record<string, string>, value: string | undefined) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value ?? ''}>
        <option value="">{t.tickets.any}</option>
        {values.map((v) => <option key={v} value={v}>{labels[v]}</option>)}
      </select>
    </div>
  );
  return (
    <>
      <h1>{backOffice ? t.tickets.queueTitle : t.tickets.title}</h1>
      {!backOffice && <p>{t.tickets.intro} <Link href="/area/assistenza/nuova" className="button">{t.tickets.newTicket}</Link></p>}
      <form className="card filters" role="search" aria-label={t.tickets.filter}>
        {select('stato', t.tickets.status, STATUSES, t.tickets.statuses, search.stato)}
        {select('reparto', t.tickets.department, DEPARTMENTS, t.tickets.departments, search.reparto)}
        {select('priorita', t.tickets.priority, PRIORITIES, t.tickets.priorities, search.priorita)}
        <div><label htmlFor="giorni">{t.tickets.age}</label><input id="giorni" name="giorni" type="number" min={1} max={3650} defaultValue={search.giorni} /></div>
        {backOffice && <div><label className="checkbox"><input type="checkbox" name="mie" defaultChecked={search.mie === 'on'} /> {t.tickets.assignedToMe}</label></div>}
        <div className="filter-buttons"><button type="submit">{t.tickets.filter}</button> <Link href="/area/assistenza">{t.tickets.reset}</Link></div>
      </form>
      <div className="card">
        {errors?.length ? <p role="alert" className="error">{problemMessage(errors[0].extensions?.problems?.[0]?.code, locale) ?? t.errors.generic}</p> : !data?.tickets.edges.length ? <p>{t.tickets.none}</p> : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.tickets.subject}</th>{backOffice && <th scope="col">{t.tickets.account}</th>}<th scope="col">{t.tickets.department}</th>
                  <th scope="col">{t.tickets.priority}</th><th scope="col">{t.tickets.status}</th><th scope="col">{t.tickets.lastActivity}</th>
                </tr>
              </thead>
              <tbody>
                {data.tickets.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <th scope="row"><Link href={`/area/assistenza/${node.id}`}>{node.reference} {node.subject}</Link>{node.kind === 'CANCELLATION' && <> ({t.tickets.kinds.CANCELLATION})</>}</th>
                    {backOffice && <td>{node.account.name}</td>}
                    <td>{t.tickets.departments[node.department]}</td>
                    <td>{t.tickets.priorities[node.priority]}</td>
                    <td><StatusBadge status={node.status} label={t.tickets.statuses[node.status]} /></td>
                    <td>{dateTime(node.lastActivityAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data?.tickets.pageInfo.hasNextPage && <p><Link href={`/area/assistenza?${more}`}>{t.tickets.more}</Link></p>}
      </div>
    </>
  );
}
