import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import type { Metadata } from 'next';
import Link from 'next/link';
import { createContext } from '@/graphql/context';
import { getDictionary } from '@/portal/i18n';
import { GraphiQLLoader } from './graphiql-loader';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'GraphiQL — Pannello Clienti' };

/** The back office's GraphQL IDE, signed in with the admin's portal session, with a way back; hidden from everyone else. */
export default async function GraphiQLPage() {
  const context = await createContext(new Request('http://portal.internal/', { headers: { cookie: (await cookies()).toString() } })).catch(() => null);
  const actor = context?.actor;
  if (!actor) redirect('/login');
  if (!actor.isAdmin) notFound();
  if (actor.secondFactor === 'MUST_ENROL') redirect('/due-fattori');
  const { t } = await getDictionary();
  return (
    <div className="ide-page">
      <nav className="ide-bar" aria-label="GraphiQL"><Link href="/area"><span aria-hidden="true">← </span>{t.nav.backToPortal}</Link></nav>
      <main className="ide"><GraphiQLLoader /></main>
    </div>
  );
}
