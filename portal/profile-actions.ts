'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { LOCALE_COOKIE } from './i18n';

type Outcome = Record<string, { ok?: boolean; userErrors: UserError[] }>;

/** Back to the page with what happened: `fatto=<form>`, or `errore=<code>` for that form. */
function outcome(path: string, form: string, data: Outcome | null): never {
  const problem = data ? Object.values(data)[0].userErrors[0] : undefined;
  redirect(problem || !data ? `${path}?modulo=${form}&errore=${problem?.code ?? 'GENERIC'}` : `${path}?fatto=${form}`);
}

export async function saveProfile(formData: FormData): Promise<void> {
  const locale = formData.get('locale') === 'it' || formData.get('locale') === 'en' ? String(formData.get('locale')) : null;
  const { data } = await portalQuery<Outcome>('mutation($name: String!, $locale: String) { updateProfile(input: { name: $name, locale: $locale }) { userErrors { field code message } } }',
    { name: String(formData.get('name') ?? ''), locale });
  if (locale && data && !data.updateProfile.userErrors.length) (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
  outcome('/area/profilo', 'profilo', data);
}

export async function changePassword(formData: FormData): Promise<void> {
  const { data } = await portalQuery<Outcome>('mutation($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { ok userErrors { field code message } } }',
    { current: String(formData.get('currentPassword') ?? ''), next: String(formData.get('newPassword') ?? '') });
  outcome('/area/profilo', 'password', data);
}

export async function requestEmailChange(formData: FormData): Promise<void> {
  const { data } = await portalQuery<Outcome>('mutation($email: String!, $password: String!) { requestEmailChange(input: { newEmail: $email, currentPassword: $password }) { ok userErrors { field code message } } }',
    { email: String(formData.get('newEmail') ?? ''), password: String(formData.get('currentPassword') ?? '') });
  outcome('/area/profilo', 'email', data);
}

/** Opening the link shows a button: the email changes on the POST, so a mail scanner following the link changes nothing. */
export async function confirmEmailChange(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const { data } = await portalQuery<Outcome>('mutation($token: String!) { confirmEmailChange(input: { token: $token }) { ok userErrors { field code message } } }', { token });
  const problem = data?.confirmEmailChange.userErrors[0];
  redirect(problem || !data ? `/conferma-email?token=${encodeURIComponent(token)}&errore=${problem?.code ?? 'GENERIC'}` : '/conferma-email?fatto=1');
}
