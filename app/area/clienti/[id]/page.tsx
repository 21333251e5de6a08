import { notFound } from 'next/navigation';
import { SCHEDULE_ROW_FIELDS, ScheduleTable, type ScheduleRow } from '@/components/schedule-table';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Cliente' };

interface Client { clientSchedule: { edges: { node: ScheduleRow & { account: { name: string; email: string } } }[] } }

/** A client's services, with the same actions the client has (renew, cancel, change). */
export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { t } = await getDictionary();
  const { id } = await params;
  const { clientSchedule } = await signedInQuery<Client>(`query($id: ID!) { clientSchedule: expirySchedule(first: 100, clientId: $id) {
    edges { node { ${SCHEDULE_ROW_FIELDS} account { name email } } } } }`, { id });
  const client = clientSchedule.edges[0]?.node.account;
  if (!client) notFound();
  return (
    <>
      <h1>{client.name} <span className="muted">{client.email}</span></h1>
      <section className="card" aria-label={t.schedule.title}>
        <ScheduleTable rows={clientSchedule.edges.map((e) => e.node)} returnTo={`/area/clienti/${id}`} />
      </section>
    </>
  );
}
