import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { StripeCardForm } from '@/components/stripe-card-form';
import { UserErrorCode } from '@/domain/user-error-codes';
import { toBillingFormIfIncomplete } from '@/portal/billing-redirect';
import { signedInQuery, type UserError } from '@/portal/graphql';
import { getDictionary } from '@/portal/i18n';
import { payWithTestCard } from '@/portal/payment-actions';

export const metadata = { title: 'Pagamento con carta' };

interface Session { payOrder: { order: { code: string; total: { formatted: string } } | null; cardPayment: { clientSecret: string; publishableKey: string | null; testMode: boolean } | null; userErrors: Pick<UserError, 'code'>[] } }

/** Opens (or reopens) the order's card payment and collects the card: Stripe Elements, or the test processor's form. */
export default async function CardPaymentPage({ params }: { params: Promise<{ code: string }> }) {
  const { locale, t } = await getDictionary();
  const { code } = await params;
  const { payOrder } = await signedInQuery<Session>(`mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: CARD }) {
    order { code total { formatted } } cardPayment { clientSecret publishableKey testMode } userErrors { code } } }`, { code });
  const error = payOrder.userErrors[0]?.code;
  if (error === UserErrorCode.NOT_FOUND) notFound();
  await toBillingFormIfIncomplete(payOrder.userErrors, `/area/ordini/${code}/carta`, { orderCode: code });
  if (!payOrder.order || !payOrder.cardPayment) redirect(`/area/ordini/${code}${error ? `?errore=${error}` : ''}`);
  const { cardPayment, order } = payOrder;
  return (
    <>
      <h1>{t.card.title}: {order.code}</h1>
      <div className="card narrow">
        <p className="big-number">{order.total.formatted}</p>
        {cardPayment.testMode || !cardPayment.publishableKey ? (
          <form action={payWithTestCard}>
            <p className="notice test-mode" role="note">{t.card.testNotice}</p>
            <input type="hidden" name="code" value={order.code} />
            <input type="hidden" name="clientSecret" value={cardPayment.clientSecret} />
            <label htmlFor="cardNumber">{t.card.number}</label>
            <input id="cardNumber" name="cardNumber" inputMode="numeric" autoComplete="cc-number" required placeholder="4242 4242 4242 4242" />
            <p><button type="submit">{t.card.pay} {order.total.formatted}</button></p>
          </form>
        ) : (
          <StripeCardForm publishableKey={cardPayment.publishableKey} clientSecret={cardPayment.clientSecret} returnPath={`/area/ordini/${order.code}`} locale={locale}
            labels={{ pay: `${t.card.pay} ${order.total.formatted}`, loading: t.card.stripeLoading, failed: t.orders.failure }} />
        )}
        <p><Link href={`/area/ordini/${order.code}`}>{t.orders.order} {order.code}</Link></p>
      </div>
    </>
  );
}
