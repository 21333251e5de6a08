import { redirect } from 'next/navigation';
import { portalQuery } from '@/portal/graphql';

export const dynamic = 'force-dynamic';

interface ScheduleData {
  viewer: { account: { name: string } | null; user: { email: string } };
  expirySchedule: { edges: { node: { id: string; domain: string; status: string; expiresOn: string; daysLeft: number; product: { code: string }; renewalPrice: { formatted: string } } }[] };
}

export default async function DashboardPage() {
  const { data, errors } = await portalQuery<ScheduleData>(`{
    viewer { user { email } account { name } }
    expirySchedule(first: 50) { edges { node { id domain status expiresOn daysLeft product { code } renewalPrice { formatted } } } }
  }`);
  if (errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || !data) redirect('/login');
  return (
    <main>
      <h1>Scadenziario — {data.viewer.account?.name ?? data.viewer.user.email}</h1>
      <div className="card">
        <table>
          <thead><tr><th>Dominio</th><th>Servizio</th><th>Scadenza</th><th>Giorni</th><th>Stato</th><th>Rinnovo</th></tr></thead>
          <tbody>
            {data.expirySchedule.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>{node.domain}</td><td>{node.product.code}</td><td>{node.expiresOn}</td>
                <td>{node.daysLeft}</td><td>{node.status}</td><td>{node.renewalPrice.formatted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
