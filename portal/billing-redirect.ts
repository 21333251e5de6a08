import { redirect } from 'next/navigation';
import { UserErrorCode } from '@/domain/user-error-codes';
import { billingFormPath } from './billing-form';
import { portalQuery, type UserError } from './graphql';

/** What was being paid for: the billed account is its service's owner. */
export type PaidFor = { serviceId: string } | { quoteId: string } | { orderCode: string };

const OWNER = 'service { account { id } }';

function billedAccountQuery(paidFor: PaidFor): { query: string; variables: Record<string, string> } {
  if ('serviceId' in paidFor) return { query: `query($key: ID!) { viewer { account { id } } paid: service(id: $key) { account { id } } }`, variables: { key: paidFor.serviceId } };
  if ('quoteId' in paidFor) return { query: `query($key: ID!) { viewer { account { id } } paid: quote(id: $key) { ${OWNER} } }`, variables: { key: paidFor.quoteId } };
  return { query: `query($key: String!) { viewer { account { id } } paid: order(code: $key) { ${OWNER} } }`, variables: { key: paidFor.orderCode } };
}

interface Billed { viewer: { account: { id: string } | null }; paid: { account?: { id: string }; service?: { account: { id: string } } | null } | null }

/**
 * A payment refused with BILLING_INCOMPLETE takes the visitor to the billing form of the account billed (its own,
 * or for a reseller its client's), and back to `next` once saved. Any other outcome: nothing.
 */
export async function toBillingFormIfIncomplete(errors: Pick<UserError, 'code'>[] | undefined, next: string, paidFor: PaidFor): Promise<void> {
  if (errors?.[0]?.code !== UserErrorCode.BILLING_INCOMPLETE) return;
  const { query, variables } = billedAccountQuery(paidFor);
  const { data } = await portalQuery<Billed>(query, variables);
  const billed = data?.paid?.account?.id ?? data?.paid?.service?.account.id;
  const client = billed && billed !== data?.viewer.account?.id ? billed : null;
  redirect(`${billingFormPath(client)}?next=${encodeURIComponent(next)}`);
}
