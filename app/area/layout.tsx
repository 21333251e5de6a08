import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';

export const dynamic = 'force-dynamic';

interface Viewer { viewer: { user: { email: string; role: string; twoFactorEnabled: boolean; twoFactorRequired: boolean }; account: { name: string; kind: string } | null } }

export default async function AreaLayout({ children }: { children: ReactNode }) {
  const { t } = await getDictionary();
  const { viewer } = await signedInQuery<Viewer>('{ viewer { user { email role twoFactorEnabled twoFactorRequired } account { name kind } } }');
  // The back office enrols its second factor before anything else.
  if (viewer.user.twoFactorRequired && !viewer.user.twoFactorEnabled) redirect('/due-fattori');
  const links: [string, string][] = [
    ['/area', t.nav.dashboard], ['/area/scadenziario', t.nav.schedule], ['/area/ordini', t.nav.orders], ['/area/fatture', t.nav.invoices],
    ...(viewer.account?.kind === 'RESELLER' ? [['/area/clienti', t.nav.clients] as [string, string]] : []),
    ['/area/notifiche', t.nav.notifications], ['/area/token', t.nav.tokens], ['/area/profilo', t.nav.profile], ['/area/sessioni', t.nav.sessions],
    ...(viewer.user.role === 'ADMIN' ? [['/admin/graphiql', 'GraphiQL'] as [string, string]] : []),
  ];
  return (
    <>
      <SiteHeader>
        <span className="who">{viewer.account?.name ?? viewer.user.email}</span>
        <SignOutButton label={t.nav.logout} />
      </SiteHeader>
      <nav aria-label={t.nav.menu} className="area-nav">
        <ul>{links.map(([href, label]) => <li key={href}><Link href={href}>{label}</Link></li>)}</ul>
      </nav>
      <main id="main">{children}</main>
    </>
  );
}
