'use server';

import { redirect } from 'next/navigation';
import { isUserErrorCode, userErrorMessage } from '@/domain/user-error-codes';
import { BILLING_FORM_FIELDS, billingFormPath, safeNext, type BillingFormField, type BillingFormState, type BillingFormValues } from './billing-form';
import { portalQuery, type UserError } from './graphql';
import { getDictionary } from './i18n';

const UPDATE = `mutation($id: ID, $billing: BillingDetailsInput!) { updateBillingDetails(input: { accountId: $id, billing: $billing }) {
  account { id } userErrors { field code message } } }`;

/**
 * Saves the billing data; on a problem the form comes back with what was typed and each field's message, and after
 * saving the visitor goes back where a refused payment came from (`next`), or to the form saying it is saved.
 */
export async function saveBillingDetails(_previous: BillingFormState, formData: FormData): Promise<BillingFormState> {
  const values = Object.fromEntries(['kind', ...BILLING_FORM_FIELDS].map((field) => [field, String(formData.get(field) ?? '')])) as BillingFormValues;
  const accountId = String(formData.get('accountId') ?? '') || null;
  const { data } = await portalQuery<{ updateBillingDetails: { account: { id: string } | null; userErrors: UserError[] } }>(
    UPDATE, { id: accountId, billing: { ...values, kind: values.kind || null } });
  const { locale, t } = await getDictionary();
  if (!data) return { values, errors: {}, notice: t.errors.generic };
  const { userErrors } = data.updateBillingDetails;
  if (!userErrors.length) redirect(safeNext(formData.get('next')) ?? `${billingFormPath(accountId)}?esito=salvati`);
  const errors: BillingFormState['errors'] = {};
  const others: string[] = [];
  for (const error of userErrors) {
    const message = isUserErrorCode(error.code) ? userErrorMessage(error.code, locale) : t.errors.generic;
    const field = error.field?.replace(/^billing\./, '') as BillingFormField | undefined;
    if (field && (field === 'kind' || (BILLING_FORM_FIELDS as readonly string[]).includes(field))) errors[field] ??= message;
    else others.push(message);
  }
  return { values, errors, notice: others[0] ?? t.billing.fix };
}
