'use server';

import { redirect } from 'next/navigation';
import { toBillingFormIfIncomplete } from './billing-redirect';
import { portalQuery, type UserError } from './graphql';

/** "Pay again": by card goes to the card form; the offline methods show their instructions on the order. */
export async function payAgain(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '');
  const method = String(formData.get('paymentMethod') ?? 'CARD');
  if (method === 'CARD') redirect(`/area/ordini/${code}/carta`);
  const { data } = await portalQuery<{ payOrder: { userErrors: UserError[] } }>(
    'mutation($code: String!, $method: PaymentMethod!) { payOrder(input: { code: $code, paymentMethod: $method }) { userErrors { code } } }', { code, method });
  await toBillingFormIfIncomplete(data?.payOrder.userErrors, `/area/ordini/${code}`, { orderCode: code });
  const error = data?.payOrder.userErrors[0]?.code;
  redirect(`/area/ordini/${code}${error ? `?errore=${error}` : ''}`);
}

export async function payWithTestCard(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '');
  const { data } = await portalQuery<{ payWithTestCard: { order: { status: string } | null; userErrors: UserError[] } }>(
    'mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) { order { status } userErrors { code } } }',
    { secret: String(formData.get('clientSecret') ?? ''), card: String(formData.get('cardNumber') ?? '') },
  );
  const status = data?.payWithTestCard.order?.status;
  redirect(`/area/ordini/${code}${status === 'FULFILLED' || status === 'PAID' ? '?esito=pagato' : '?esito=rifiutato'}`);
}
