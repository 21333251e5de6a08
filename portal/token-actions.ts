'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { getDictionary, problemMessage } from './i18n';

export interface CreatedToken { secret: string | null; error: string | null }

const CREATE = `mutation($name: String!, $scopes: [String!], $clientId: ID, $expiresOn: Date) {
  createApiToken(input: { name: $name, scopes: $scopes, clientId: $clientId, expiresOn: $expiresOn }) { secret userErrors { field code message } } }`;

/**
 * Creates a token with the scopes ticked (none: full access), the client chosen and the last day given; its secret
 * comes back to the form this once and is never stored in clear.
 */
export async function createToken(_previous: CreatedToken, formData: FormData): Promise<CreatedToken> {
  const scopes = formData.getAll('scopes').map(String);
  const { data } = await portalQuery<{ createApiToken: { secret: string | null; userErrors: UserError[] } }>(CREATE, {
    name: String(formData.get('name') ?? ''),
    scopes: scopes.length ? scopes : null,
    clientId: String(formData.get('clientId') ?? '') || null,
    expiresOn: String(formData.get('expiresOn') ?? '') || null,
  });
  const { locale, t } = await getDictionary();
  if (!data) return { secret: null, error: t.errors.generic };
  return { secret: data.createApiToken.secret, error: problemMessage(data.createApiToken.userErrors[0]?.code, locale) };
}

export async function revokeToken(formData: FormData): Promise<void> {
  await portalQuery('mutation($id: ID!) { revokeApiToken(input: { id: $id }) { userErrors { code } } }', { id: String(formData.get('id') ?? '') });
  redirect('/area/token');
}
