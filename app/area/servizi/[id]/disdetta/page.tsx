import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { SERVICE_SUMMARY_FIELDS, ServiceSummary, type ServiceSummaryData } from '@/components/service-summary';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { requestCancellation } from '@/portal/service-actions';

export const metadata = { title: 'Disdetta' };

const REASONS = ['TOO_EXPENSIVE', 'SWITCHING_PROVIDER', 'NO_LONGER_NEEDED', 'TECHNICAL_PROBLEMS', 'OTHER'];

export default async function CancelServicePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { id } = await params;
  const { errore } = await searchParams;
  const { service } = await signedInQuery<{ service: ServiceSummaryData | null }>(`query($id: ID!) { service(id: $id) { ${SERVICE_SUMMARY_FIELDS} } }`, { id });
  if (!service) notFound();
  return (
    <>
      <h1>{t.cancel.title}</h1>
      <ServiceSummary service={service} locale={locale} label={t.change.current} />
      <OutcomeNotice error={problemMessage(errore, locale)} />
      <form action={requestCancellation} className="card">
        <input type="hidden" name="serviceId" value={id} />
        <label htmlFor="reason">{t.cancel.reason}</label>
        <select id="reason" name="reason" required defaultValue="">
          <option value="" disabled>—</option>
          {REASONS.map((reason) => <option key={reason} value={reason}>{t.reasons[reason]}</option>)}
        </select>
        <label htmlFor="reasonText">{t.cancel.details}</label>
        <textarea id="reasonText" name="reasonText" maxLength={500} rows={3} />
        <p><button type="submit">{t.cancel.next}</button></p>
      </form>
    </>
  );
}
