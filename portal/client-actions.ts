'use server';

import { redirect } from 'next/navigation';
import type { BillingFormState } from './billing-form';
import { billingFormValues, billingInput, refusedForm } from './billing-form-outcome';
import { portalQuery, type UserError } from './graphql';

const CREATE = `mutation($name: String!, $email: String!, $billing: BillingDetailsInput!) {
  createClient(input: { name: $name, email: $email, billing: $billing }) { client { id } userErrors { field code message } } }`;

/** Creates a reseller's client (its owner is invited by email); on a problem the form comes back as typed. */
export async function createClientAccount(_previous: BillingFormState, formData: FormData): Promise<BillingFormState> {
  const values = billingFormValues(formData);
  const { data } = await portalQuery<{ createClient: { client: { id: string } | null; userErrors: UserError[] } }>(CREATE, {
    name: String(formData.get('name') ?? ''), email: String(formData.get('email') ?? ''), billing: billingInput(values),
  });
  if (!data) return refusedForm(values, null);
  const { client, userErrors } = data.createClient;
  if (client) redirect(`/area/clienti/${client.id}?esito=creato`);
  return refusedForm(values, userErrors);
}
