'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE } from './i18n';

/** Switches the portal's language and remembers it for a year. */
export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale') === 'en' ? 'en' : 'it';
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  const back = String(formData.get('returnTo') ?? '/');
  redirect(back.startsWith('/') && !back.startsWith('//') ? back : '/');
}
