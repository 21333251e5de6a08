'use server';

import { redirect } from 'next/navigation';
import { portalQuery, type UserError } from './graphql';

type Payload = Record<string, { userErrors: UserError[] }>;

/** Back to the users page with what happened: `fatto=<form>`, or `errore=<code>`. */
async function run(form: string, query: string, variables: Record<string, unknown>): Promise<never> {
  const { data } = await portalQuery<Payload>(query, variables);
  const problem = data ? Object.values(data)[0].userErrors[0] : undefined;
  redirect(problem || !data ? `/area/utenti?errore=${problem?.code ?? 'GENERIC'}` : `/area/utenti?fatto=${form}`);
}

export async function inviteUser(formData: FormData): Promise<void> {
  await run('invito', 'mutation($email: String!, $role: AccountRole!) { inviteUser(input: { email: $email, role: $role }) { userErrors { field code message } } }',
    { email: String(formData.get('email') ?? ''), role: String(formData.get('role') ?? '') });
}

export async function updateUserRole(formData: FormData): Promise<void> {
  await run('ruolo', 'mutation($id: ID!, $role: AccountRole!) { updateUserRole(input: { userId: $id, role: $role }) { userErrors { field code message } } }',
    { id: String(formData.get('userId') ?? ''), role: String(formData.get('role') ?? '') });
}

export async function removeUser(formData: FormData): Promise<void> {
  await run('rimosso', 'mutation($id: ID!) { removeUser(input: { userId: $id }) { userErrors { field code message } } }', { id: String(formData.get('userId') ?? '') });
}

export async function acceptInvitation(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  const { data } = await portalQuery<Payload>('mutation($token: String!, $password: String!, $name: String!) { acceptInvitation(input: { token: $token, password: $password, name: $name }) { userErrors { field code message } } }',
    { token, password: String(formData.get('password') ?? ''), name: String(formData.get('name') ?? '') });
  const problem = data?.acceptInvitation.userErrors[0];
  redirect(problem || !data ? `/invito?token=${encodeURIComponent(token)}&errore=${problem?.code ?? 'GENERIC'}` : '/invito?fatto=1');
}
