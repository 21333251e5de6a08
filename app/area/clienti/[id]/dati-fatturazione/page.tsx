import { notFound } from 'next/navigation';
import { BillingDetailsEditor } from '@/components/billing-details-editor';
import { BILLING_DETAILS_FIELDS, safeNext, type BillingDetailsView } from '@/portal/billing-form';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';

export const metadata = { title: 'Dati di fatturazione del cliente' };

/** A reseller's client's billing data, which the reseller keeps for it. */
export default async function ClientBillingDetailsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ next?: string; esito?: string }> }) {
  const { t } = await getDictionary();
  const { id } = await params;
  const { next, esito } = await searchParams;
  const { client } = await signedInQuery<{ client: { name: string; billing: BillingDetailsView } | null }>(`query($id: ID!) { client(id: $id) { name billing { ${BILLING_DETAILS_FIELDS} } } }`, { id });
  if (!client) notFound();
  return <BillingDetailsEditor title={t.billing.clientTitle(client.name)} billing={client.billing} accountId={id} next={safeNext(next)} saved={esito === 'salvati'} />;
}
