'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';

export async function requestReset(formData: FormData): Promise<void> {
  await portalQuery('mutation($email: String!) { requestPasswordReset(input: { email: $email }) { ok } }', { email: String(formData.get('email') ?? '') });
  redirect('/password-dimenticata?inviata=1');
}

export async function chooseNewPassword(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const { data } = await portalQuery<{ resetPassword: { ok: boolean; userErrors: UserError[] } }>(
    'mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) { ok userErrors { field code message } } }',
    { token, password: String(formData.get('password') ?? '') },
  );
  const error = data?.resetPassword.userErrors[0];
  if (error) redirect(`/reimposta-password?token=${encodeURIComponent(token)}&errore=${error.code}`);
  redirect('/reimposta-password?fatto=1');
}
