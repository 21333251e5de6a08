import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { signedInQuery } from '@/portal/graphql';
import { dateTime } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Notifiche' };

interface Notifications { notifications: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; subject: string; bodyText: string; status: string; createdAt: string } }[] } }

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ dopo?: string }> }) {
  const { locale, t } = await getDictionary();
  const { dopo } = await searchParams;
  const { notifications } = await signedInQuery<Notifications>(`query($after: String) { notifications(first: 30, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id subject bodyText status createdAt } } } }`, { after: dopo ?? null });
  return (
    <>
      <h1>{t.notifications.title}</h1>
      {!notifications.edges.length ? <div className="card"><p>{t.notifications.none}</p></div> : notifications.edges.map(({ node }) => (
        <details key={node.id} className="card notification">
          <summary><strong>{node.subject}</strong> <span className="muted">{dateTime(node.createdAt, locale)}</span> <StatusBadge status={node.status} label={t.status[node.status] ?? node.status} /></summary>
          <pre className="mail-body">{node.bodyText}</pre>
        </details>
      ))}
      {notifications.pageInfo.hasNextPage && <p><Link href={`/area/notifiche?dopo=${notifications.pageInfo.endCursor}`}>{t.orders.more}</Link></p>}
    </>
  );
}
