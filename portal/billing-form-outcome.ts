import { isUserErrorCode, userErrorMessage } from '@/domain/user-error-codes';
import { BILLING_FORM_FIELDS, type BillingFormField, type BillingFormState, type BillingFormValues } from './billing-form';
import type { UserError } from './graphql';
import { getDictionary } from './i18n';

/** The billing data as typed in the form. */
export function billingFormValues(formData: FormData): BillingFormValues {
  return Object.fromEntries(['kind', ...BILLING_FORM_FIELDS].map((field) => [field, String(formData.get(field) ?? '')])) as BillingFormValues;
}

export function billingInput(values: BillingFormValues) {
  return { ...values, kind: values.kind || null };
}

/**
 * The form back with what was typed: each billing field's problem beside it, any other (`email`…) in the notice;
 * null problems: the request failed.
 */
export async function refusedForm(values: BillingFormValues, userErrors: UserError[] | null): Promise<BillingFormState> {
  const { locale, t } = await getDictionary();
  if (!userErrors) return { values, errors: {}, notice: t.errors.generic };
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
