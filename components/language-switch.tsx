'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { switchLocale } from '@/portal/locale-action';

/** Switches between Italian and English and comes back to the same page. */
export function LanguageSwitch({ current, label }: { current: 'it' | 'en'; label: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const other = current === 'it' ? 'en' : 'it';
  return (
    <form action={switchLocale} className="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="returnTo" value={query ? `${pathname}?${query}` : pathname} />
      <button type="submit" className="link-button" lang={other}>{label}</button>
    </form>
  );
}
