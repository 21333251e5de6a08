'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';

export interface CreatedToken { secret: string | null; error: string | null }

/** Creates a token; its secret comes back to the form this once and is never stored in clear. */
export async function createToken(_previous: CreatedToken, formData: FormData): Promise<CreatedToken> {
  const { data } = await portalQuery<{ createApiToken: { secret: string | null; userErrors: UserError[] } }>(
    'mutation($name: String!) { createApiToken(input: { name: $name }) { secret userErrors { field code message } } }', { name: String(formData.get('name') ?? '') });
  return { secret: data?.createApiToken.secret ?? null, error: data?.createApiToken.userErrors[0]?.message ?? (data ? null : 'error') };
}

export async function revokeToken(formData: FormData): Promise<void> {
  await portalQuery('mutation($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { code } } }', { id: String(formData.get('id') ?? '') });
  redirect('/area/token');
}
