'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { getDictionary, problemMessage } from './i18n';

export interface CreatedToken { secret: string | null; error: string | null }

/** Creates a token; its secret comes back to the form this once and is never stored in clear. */
export async function createToken(_previous: CreatedToken, formData: FormData): Promise<CreatedToken> {
  const { data } = await portalQuery<{ createApiToken: { secret: string | null; userErrors: UserError[] } }>(
    'mutation($name: String!) { createApiToken(input: { name: $name }) { secret userErrors { field code message } } }', { name: String(formData.get('name') ?? '') });
  const { locale, t } = await getDictionary();
  if (!data) return { secret: null, error: t.errors.generic };
  return { secret: data.createApiToken.secret, error: problemMessage(data.createApiToken.userErrors[0]?.code, locale) };
}

export async function revokeToken(formData: FormData): Promise<void> {
  await portalQuery('mutation($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { code } } }', { id: String(formData.get('id') ?? '') });
  redirect('/area/token');
}
