'use server';

import { redirect } from 'next/navigation';
import { toBillingFormIfIncomplete } from './billing-redirect';
import { portalQuery, type UserError } from './graphql';

function field(formData: FormData, name: string): string {
  return String(formData.get(name) ?? '');
}

function back(formData: FormData, fallback: string): string {
  const to = field(formData, 'returnTo');
  return to.startsWith('/area') ? to : fallback;
}

/** Where a form goes on a userError: back to the page, carrying the code so the page can explain it. */
function failed(path: string, errors: UserError[] | undefined): never {
  const separator = path.includes('?') ? '&' : '?';
  redirect(`${path}${separator}errore=${encodeURIComponent(errors?.[0]?.code ?? 'ERROR')}`);
}

/** Paying by card goes straight to the card form; otherwise the order shows what to pay and how. */
function orderPage(code: string, method: string | null): string {
  return method === 'CARD' ? `/area/ordini/${code}/carta` : `/area/ordini/${code}`;
}

export async function requestChange(formData: FormData): Promise<void> {
  const serviceId = field(formData, 'serviceId');
  const { data } = await portalQuery<{ requestServiceChange: { quote: { id: string } | null; userErrors: UserError[] } }>(
    'mutation($serviceId: ID!, $code: String!) { requestServiceChange(input: { serviceId: $serviceId, targetProductCode: $code }) { quote { id } userErrors { field code message } } }',
    { serviceId, code: field(formData, 'productCode') },
  );
  const quote = data?.requestServiceChange.quote;
  if (!quote) failed(`/area/servizi/${serviceId}/cambio`, data?.requestServiceChange.userErrors);
  redirect(`/area/preventivi/${quote.id}`);
}

export async function requestCancellation(formData: FormData): Promise<void> {
  const serviceId = field(formData, 'serviceId');
  const { data } = await portalQuery<{ cancelService: { quote: { id: string } | null; userErrors: UserError[] } }>(
    'mutation($serviceId: ID!, $reason: CancellationReason!, $text: String) { cancelService(input: { serviceId: $serviceId, reason: $reason, reasonText: $text }) { quote { id } userErrors { field code message } } }',
    { serviceId, reason: field(formData, 'reason') || 'OTHER', text: field(formData, 'reasonText') },
  );
  const quote = data?.cancelService.quote;
  if (!quote) failed(`/area/servizi/${serviceId}/disdetta`, data?.cancelService.userErrors);
  redirect(`/area/preventivi/${quote.id}`);
}

export async function confirmQuote(formData: FormData): Promise<void> {
  const quoteId = field(formData, 'quoteId');
  const method = field(formData, 'paymentMethod') || null;
  const { data } = await portalQuery<{ confirmQuote: { order: { code: string } | null; cancellation: { id: string } | null; userErrors: UserError[] } }>(
    'mutation($quoteId: ID!, $method: PaymentMethod, $key: String) { confirmQuote(input: { quoteId: $quoteId, paymentMethod: $method, idempotencyKey: $key }) { order { code } cancellation { id } userErrors { field code message } } }',
    { quoteId, method, key: field(formData, 'idempotencyKey') || null },
  );
  const result = data?.confirmQuote;
  if (result?.order) redirect(orderPage(result.order.code, method));
  if (result?.cancellation) redirect(`/area/scadenziario?esito=disdetta`);
  await toBillingFormIfIncomplete(result?.userErrors, `/area/preventivi/${quoteId}`, { quoteId });
  failed(`/area/preventivi/${quoteId}`, result?.userErrors);
}

export async function renew(formData: FormData): Promise<void> {
  const serviceId = field(formData, 'serviceId');
  const { data } = await portalQuery<{ renewService: { order: { code: string } | null; userErrors: UserError[] } }>(
    'mutation($serviceId: ID!, $method: PaymentMethod!) { renewService(input: { serviceId: $serviceId, paymentMethod: $method }) { order { code } userErrors { field code message } } }',
    { serviceId, method: field(formData, 'paymentMethod') },
  );
  const order = data?.renewService.order;
  if (!order) {
    await toBillingFormIfIncomplete(data?.renewService.userErrors, `/area/servizi/${serviceId}/rinnovo`, { serviceId });
    failed(`/area/servizi/${serviceId}/rinnovo`, data?.renewService.userErrors);
  }
  redirect(orderPage(order.code, field(formData, 'paymentMethod')));
}

export async function withdrawCancellation(formData: FormData): Promise<void> {
  const { data } = await portalQuery<{ withdrawCancellation: { userErrors: UserError[] } }>(
    'mutation($serviceId: ID!) { withdrawCancellation(input: { serviceId: $serviceId }) { userErrors { field code message } } }',
    { serviceId: field(formData, 'serviceId') },
  );
  const to = back(formData, '/area/scadenziario');
  if (data?.withdrawCancellation.userErrors.length) failed(to, data.withdrawCancellation.userErrors);
  redirect(`${to}${to.includes('?') ? '&' : '?'}esito=ritirata`);
}
