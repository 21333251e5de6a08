'use client';

import { useActionState, type ReactNode } from 'react';
import { saveBillingDetails } from '@/portal/billing-actions';
import type { BillingFormField, BillingFormState } from '@/portal/billing-form';

export interface BillingFormLabels {
  kind: string; PERSON: string; COMPANY: string; person: string; company: string; save: string;
  fields: Record<string, string>; hints: Record<string, string>;
}

interface Props {
  initial: BillingFormState;
  labels: BillingFormLabels;
  /** [ISO code, name] in the visitor's language. */
  countries: [string, string][];
  /** A reseller's client; the visitor's own account when null. */
  accountId: string | null;
  next: string | null;
  /** What the form does (saving an account's billing data unless said); `fields` come before the billing data. */
  submit?: (previous: BillingFormState, formData: FormData) => Promise<BillingFormState>;
  fields?: ReactNode;
}

/** The billing data form: works without JavaScript (a server action), each field's error beside it, values kept on error. */
export function BillingForm({ initial, labels, countries, accountId, next, submit = saveBillingDetails, fields }: Props) {
  const [state, action, pending] = useActionState(submit, initial);
  const { values, errors } = state;

  const described = (field: BillingFormField) => [labels.hints[field] && `hint-${field}`, errors[field] && `error-${field}`].filter(Boolean).join(' ') || undefined;
  const feedback = (field: BillingFormField) => (
    <>
      {labels.hints[field] && <p id={`hint-${field}`} className="muted hint">{labels.hints[field]}</p>}
      {errors[field] && <p id={`error-${field}`} className="error">{errors[field]}</p>}
    </>
  );
  const input = (field: Exclude<BillingFormField, 'kind' | 'country'>, autoComplete?: string) => (
    <div className="field">
      <label htmlFor={`billing-${field}`}>{labels.fields[field]}</label>
      <input id={`billing-${field}`} name={field} defaultValue={values[field]} autoComplete={autoComplete} aria-invalid={errors[field] ? true : undefined} aria-describedby={described(field)} />
      {feedback(field)}
    </div>
  );

  return (
    <form action={action} className="billing-form" data-testid="billing-form">
      {state.notice && <p role="alert" className="notice notice-error">{state.notice}</p>}
      {accountId && <input type="hidden" name="accountId" value={accountId} />}
      {next && <input type="hidden" name="next" value={next} />}
      {fields}
      <fieldset aria-describedby={errors.kind ? 'error-kind' : undefined}>
        <legend>{labels.kind}</legend>
        {(['PERSON', 'COMPANY'] as const).map((kind) => (
          <label key={kind} className="radio"><input type="radio" name="kind" value={kind} defaultChecked={values.kind === kind} /> {labels[kind]}</label>
        ))}
        {errors.kind && <p id="error-kind" className="error">{errors.kind}</p>}
      </fieldset>
      <fieldset>
        <legend>{labels.person}</legend>
        {input('firstName', 'given-name')}
        {input('lastName', 'family-name')}
      </fieldset>
      <fieldset>
        <legend>{labels.company}</legend>
        {input('companyName', 'organization')}
      </fieldset>
      <div className="field">
        <label htmlFor="billing-country">{labels.fields.country}</label>
        <select id="billing-country" name="country" defaultValue={values.country || 'IT'} autoComplete="country" aria-invalid={errors.country ? true : undefined} aria-describedby={described('country')}>
          {countries.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
        </select>
        {feedback('country')}
      </div>
      {input('address', 'street-address')}
      {input('postalCode', 'postal-code')}
      {input('city', 'address-level2')}
      {input('province', 'address-level1')}
      {input('fiscalCode')}
      {input('vatNumber')}
      {input('sdiCode')}
      {input('pec', 'email')}
      <p><button type="submit" disabled={pending}>{labels.save}</button></p>
    </form>
  );
}
