import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/sign-out-button';
import { SiteHeader } from '@/components/site-header';
import { visitorMay } from '@/portal/access';
import { getDictionary } from '@/portal/i18n';
import { portalViewer } from '@/portal/viewer';

export const dynamic = 'force-dynamic';

export default async function AreaLayout({ children }: { children: ReactNode }) {
  const { t } = await getDictionary();
  const viewer = await portalViewer();
  // The back office enrols its second factor before anything else.
  if (viewer.user.twoFactorRequired && !viewer.user.twoFactorEnabled) redirect('/due-fattori');
  // A role sees the pages of what it may use (the full admin every one).
  const may = await visitorMay();
  const backOffice = viewer.user.role !== 'USER';
  const links: [string, string][] = [
    ['/area', t.nav.dashboard], ['/area/scadenziario', t.nav.schedule], ['/area/ordini', t.nav.orders],
    ...(may('invoices') ? [['/area/fatture', t.nav.invoices] as [string, string]] : []),
    ...(viewer.account && may('updateBillingDetails') ? [['/area/dati-fatturazione', t.nav.billing] as [string, string]] : []),
    ...(viewer.account?.kind === 'RESELLER' ? [['/area/clienti', t.nav.clients] as [string, string]] : []),
    ...(viewer.user.accountRole && may('users') ? [['/area/utenti', t.nav.users] as [string, string]] : []),
    ['/area/assistenza', backOffice ? t.nav.supportQueue : t.nav.support],
    ['/area/notifiche', t.nav.notifications], ['/area/token', t.nav.tokens],
    ...(viewer.account && may('webhookEndpoints') ? [['/area/webhook', t.nav.webhooks] as [string, string]] : []),
    ['/area/profilo', t.nav.profile], ['/area/sessioni', t.nav.sessions],
    ...(backOffice ? [['/admin/graphiql', 'GraphiQL'] as [string, string]] : []),
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
