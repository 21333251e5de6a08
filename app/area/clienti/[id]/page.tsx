import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { SCHEDULE_ROW_FIELDS, ScheduleTable, type ScheduleRow } from '@/components/schedule-table';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Cliente' };

interface Client { client: { name: string; email: string } | null; expirySchedule: { edges: { node: ScheduleRow }[] } }

/** A client's services, with the same actions the client has (renew, cancel, change). */
export default async function ClientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ esito?: string }> }) {
  const { t } = await getDictionary();
  const { id } = await params;
  const { esito } = await searchParams;
  const { client, expirySchedule } = await signedInQuery<Client>(`query($id: ID!) {
    client(id: $id) { name email }
    expirySchedule(first: 100, clientId: $id) { edges { node { ${SCHEDULE_ROW_FIELDS} } } } }`, { id });
  if (!client) notFound();
  return (
    <>
      <h1>{client.name} <span className="muted">{client.email}</span></h1>
      <OutcomeNotice message={esito === 'creato' ? t.clients.created : null} error={null} />
      <p><Link href={`/area/clienti/${id}/dati-fatturazione`}>{t.billing.edit}</Link></p>
      <section className="card" aria-label={t.schedule.title}>
        <ScheduleTable rows={expirySchedule.edges.map((e) => e.node)} returnTo={`/area/clienti/${id}`} />
      </section>
    </>
  );
}
