import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { PaymentMethodFieldset } from '@/components/payment-method-fieldset';
import { SERVICE_SUMMARY_FIELDS, ServiceSummary, type ServiceSummaryData } from '@/components/service-summary';
import { signedInQuery } from '@/portal/graphql';
import { date } from '@/portal/format';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { renew } from '@/portal/service-actions';

export const metadata = { title: 'Rinnovo' };

export default async function RenewServicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { id } = await params;
  const { errore } = await searchParams;
  const { service } = await signedInQuery<{ service: (ServiceSummaryData & { renewalPrice: { formatted: string }; renewalExpiresOn: string }) | null }>(`query($id: ID!) { service(id: $id) { ${SERVICE_SUMMARY_FIELDS} renewalExpiresOn } }`, { id });
  if (!service) notFound();
  return (
    <>
      <h1>{t.renew.title}</h1>
      <ServiceSummary service={service} locale={locale} label={t.change.current} />
      <OutcomeNotice error={problemMessage(errore, locale)} />
      <form action={renew} className="card">
        <p>{t.renew.body(service.renewalPrice.formatted, date(service.renewalExpiresOn, locale))}</p>
        <input type="hidden" name="serviceId" value={id} />
        <PaymentMethodFieldset legend={t.quote.method} labels={t.methods} />
        <p><button type="submit">{t.renew.confirm}</button></p>
      </form>
    </>
  );
}
