'use server';

import { redirect } from 'next/navigation';
import { billingFormPath, safeNext, type BillingFormState } from './billing-form';
import { billingFormValues, billingInput, refusedForm } from './billing-form-outcome';
import { portalQuery, type UserError } from './graphql';

const UPDATE = `mutation($id: ID, $billing: BillingDetailsInput!) { updateBillingDetails(input: { accountId: $id, billing: $billing }) {
  account { id } userErrors { field code message } } }`;

/**
 * Saves the billing data; on a problem the form comes back with what was typed and each field's message, and after
 * saving the visitor goes back where a refused payment came from (`next`), or to the form saying it is saved.
 */
export async function saveBillingDetails(_previous: BillingFormState, formData: FormData): Promise<BillingFormState> {
  const values = billingFormValues(formData);
  const accountId = String(formData.get('accountId') ?? '') || null;
  const { data } = await portalQuery<{ updateBillingDetails: { account: { id: string } | null; userErrors: UserError[] } }>(
    UPDATE, { id: accountId, billing: billingInput(values) });
  if (!data) return refusedForm(values, null);
  const { userErrors } = data.updateBillingDetails;
  if (!userErrors.length) redirect(safeNext(formData.get('next')) ?? `${billingFormPath(accountId)}?esito=salvati`);
  return refusedForm(values, userErrors);
}
