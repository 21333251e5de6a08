import { BillingForm } from '@/components/billing-form';
import { countryOptions, emptyFormValues } from '@/portal/billing-form';
import { createClientAccount } from '@/portal/client-actions';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Nuovo cliente' };

/** A reseller's new client: its name, its owner's email (invited to choose a password) and its billing data. */
export default async function NewClientPage() {
  const { locale, t } = await getDictionary();
  const fields = (
    <>
      <div className="field"><label htmlFor="client-name">{t.clients.name}</label><input id="client-name" name="name" required maxLength={200} autoComplete="off" /></div>
      <div className="field"><label htmlFor="client-email">{t.clients.email}</label><input id="client-email" name="email" type="email" required maxLength={254} autoComplete="off" /></div>
    </>
  );
  return (
    <>
      <h1>{t.clients.create}</h1>
      <div className="card">
        <p className="muted">{t.billing.intro}</p>
        <BillingForm
          initial={{ values: emptyFormValues(), errors: {}, notice: null }} labels={{ ...t.billing.form, save: t.clients.save }} countries={countryOptions(locale)}
          accountId={null} next={null} submit={createClientAccount} fields={fields}
        />
      </div>
    </>
  );
}
