'use server';

import { redirect } from 'next/navigation';
import { portalQuery } from './graphql';

/** Ends one session; ending this device's own leads to the login page, as its cookie is now refused. */
export async function endSession(formData: FormData): Promise<void> {
  await portalQuery('mutation($id: ID!) { endSession(input: { id: $id }) { userErrors { code } } }', { id: String(formData.get('id') ?? '') });
  redirect(formData.get('current') === 'true' ? '/login' : '/area/sessioni');
}

export async function endOtherSessions(): Promise<void> {
  await portalQuery('mutation { endOtherSessions { userErrors { code } } }');
  redirect('/area/sessioni');
}
