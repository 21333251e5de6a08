'use server';

import { redirect } from 'next/navigation';
import { toBillingFormIfIncomplete } from './billing-redirect';
import { portalQuery, type UserError } from './graphql';

/** Switches an order to a bank transfer or a postal slip: the order then shows its instructions. */
export async function payOffline(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '');
  const method = String(formData.get('paymentMethod') ?? 'BANK_TRANSFER');
  const { data } = await portalQuery<{ payOrder: { userErrors: UserError[] } }>(
    'mutation($code: String!, $method: PaymentMethod!) { payOrder(input: { code: $code, paymentMethod: $method }) { userErrors { code } } }', { code, method });
  await toBillingFormIfIncomplete(data?.payOrder.userErrors, `/area/ordini/${code}`, { orderCode: code });
  const error = data?.payOrder.userErrors[0]?.code;
  redirect(`/area/ordini/${code}${error ? `?errore=${error}` : ''}`);
}

/** The test processor's card form; a declined card is told on the order, with what to do next. */
export async function payWithTestCard(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '');
  const { data } = await portalQuery<{ payWithTestCard: { order: { status: string } | null; userErrors: UserError[] } }>(
    'mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) { order { status } userErrors { code } } }',
    { secret: String(formData.get('clientSecret') ?? ''), card: String(formData.get('cardNumber') ?? '') },
  );
  const error = data?.payWithTestCard.userErrors[0]?.code;
  const status = data?.payWithTestCard.order?.status;
  redirect(`/area/ordini/${code}${error ? `?errore=${error}` : status === 'FULFILLED' || status === 'PAID' ? '?esito=pagato' : ''}`);
}
