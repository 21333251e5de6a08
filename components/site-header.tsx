import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { getDictionary } from '@/portal/i18n';
import { LanguageSwitch } from './language-switch';

/** The top bar of every page: brand on the left, language and the page's own actions on the right. */
export async function SiteHeader({ children }: { children?: ReactNode }) {
  const { locale, t } = await getDictionary();
  return (
    <header className="topbar">
      <Link href="/" className="brand">HostingVirtuale · {t.brand}</Link>
      <div className="topbar-actions">
        <Suspense><LanguageSwitch current={locale} label={t.language.switchTo} /></Suspense>
        {children}
      </div>
    </header>
  );
}
