import { countryOptions, formValues, missingFields, type BillingDetailsView } from '@/portal/billing-form';
import { getDictionary } from '@/portal/i18n';
import { BillingForm } from './billing-form';
import { OutcomeNotice } from './outcome-notice';

interface Props { title: string; billing: BillingDetailsView; accountId: string | null; next: string | null; saved: boolean }

/** A billing data page: why the visitor is here (a payment that needs more), and the form. */
export async function BillingDetailsEditor({ title, billing, accountId, next, saved }: Props) {
  const { locale, t } = await getDictionary();
  const countries = countryOptions(locale);
  const missing = next ? missingFields(billing) : [];
  const labels = t.billing.form;
  return (
    <>
      <h1>{title}</h1>
      <OutcomeNotice message={saved ? t.billing.saved : null} error={missing.length ? t.billing.incomplete(missing.map((field) => labels.fields[field] ?? field).join(', ')) : null} />
      <div className="card">
        <p className="muted">{t.billing.intro}</p>
        <BillingForm initial={{ values: formValues(billing), errors: {}, notice: null }} labels={labels} countries={countries} accountId={accountId} next={next} />
      </div>
    </>
  );
}
