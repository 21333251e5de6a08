import { notFound } from 'next/navigation';
import { BillingDetailsEditor } from '@/components/billing-details-editor';
import { BILLING_DETAILS_FIELDS, safeNext, type BillingDetailsView } from '@/portal/billing-form';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Dati di fatturazione' };

/** The visitor's own billing data; `next` is where a refused payment came from, to go back to once saved. */
export default async function BillingDetailsPage({ searchParams }: { searchParams: Promise<{ next?: string; esito?: string }> }) {
  const { t } = await getDictionary();
  const { next, esito } = await searchParams;
  const { viewer } = await signedInQuery<{ viewer: { account: { billing: BillingDetailsView } | null } }>(`{ viewer { account { billing { ${BILLING_DETAILS_FIELDS} } } } }`);
  if (!viewer.account) notFound();
  return <BillingDetailsEditor title={t.billing.title} billing={viewer.account.billing} accountId={null} next={safeNext(next)} saved={esito === 'salvati'} />;
}
