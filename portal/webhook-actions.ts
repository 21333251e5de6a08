'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';
import { getDictionary, problemMessage } from './i18n';

/** What a form that makes a secret gets back: the secret, shown this once, or what went wrong. */
export interface RevealedSecret { secret: string | null; error: string | null }

type SecretPayload = { secret: string | null; userErrors: UserError[] } | undefined;

async function revealed(payload: SecretPayload): Promise<RevealedSecret> {
  const { locale, t } = await getDictionary();
  if (!payload) return { secret: null, error: t.errors.generic };
  return { secret: payload.secret, error: problemMessage(payload.userErrors[0]?.code, locale) };
}

export async function createEndpoint(_previous: RevealedSecret, formData: FormData): Promise<RevealedSecret> {
  const { data } = await portalQuery<{ createWebhookEndpoint: SecretPayload }>(
    'mutation($url: String!, $events: [String!]!) { createWebhookEndpoint(input: { url: $url, events: $events }) { secret userErrors { field code message } } }',
    { url: String(formData.get('url') ?? ''), events: formData.getAll('events').map(String) },
  );
  revalidatePath('/area/webhook');
  return revealed(data?.createWebhookEndpoint);
}

export async function rotateEndpointSecret(_previous: RevealedSecret, formData: FormData): Promise<RevealedSecret> {
  const { data } = await portalQuery<{ rotateWebhookSecret: SecretPayload }>(
    'mutation($id: ID!) { rotateWebhookSecret(input: { id: $id }) { secret userErrors { field code message } } }', { id: String(formData.get('id') ?? '') });
  return revealed(data?.rotateWebhookSecret);
}

export async function deleteEndpoint(formData: FormData): Promise<void> {
  await portalQuery('mutation($id: ID!) { deleteWebhookEndpoint(input: { id: $id }) { userErrors { code } } }', { id: String(formData.get('id') ?? '') });
  redirect('/area/webhook');
}

export async function redeliver(formData: FormData): Promise<void> {
  const { data } = await portalQuery<{ redeliverWebhook: { userErrors: UserError[] } }>(
    'mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { userErrors { code } } }', { id: String(formData.get('deliveryId') ?? '') });
  const error = data?.redeliverWebhook.userErrors[0]?.code;
  redirect(`/area/webhook?endpoint=${encodeURIComponent(String(formData.get('endpointId') ?? ''))}&${error ? `errore=${error}` : 'esito=reinviata'}`);
}
