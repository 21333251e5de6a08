import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { OFFLINE_METHODS, PaymentMethodFieldset } from '@/components/payment-method-fieldset';
import { PricedLines, type PricedLinesData } from '@/components/priced-lines';
import { StatusBadge } from '@/components/status-badge';
import { signedInQuery } from '@/portal/graphql';
import { date, dateTime } from '@/portal/format';
import { UserErrorCode } from '@/domain/user-error-codes';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { visitorMay } from '@/portal/access';
import { payOffline } from '@/portal/payment-actions';
import { ORDER_PAGE_QUERY } from './query';

export const metadata = { title: 'Ordine' };

interface OrderView extends PricedLinesData {
  code: string; status: string; placedOn: string; paymentFailureReason: string | null; supersededByOrderCode: string | null;
  payments: { method: string; status: string; testMode: boolean; failureReason: string | null; createdAt: string }[];
  paymentInstructions: { method: string; beneficiary: string; iban: string | null; bankName: string | null; postalAccount: string | null; amount: { formatted: string }; reference: string } | null;
  invoice: { number: string; pdfUrl: string } | null;
  service: { domain: string } | null;
}

export default async function OrderPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { code } = await params;
  const { esito, errore } = await searchParams;
  const { order } = await signedInQuery<{ order: OrderView | null }>(ORDER_PAGE_QUERY, { code });
  if (!order) notFound();
  const awaiting = order.status === 'AWAITING_PAYMENT';
  // A role that may not pay (technical, read-only) sees the order without the ways to pay it.
  const payable = awaiting && (await visitorMay())('payOrder');
  const failure = awaiting ? order.paymentFailureReason : null;
  // The alert tells the last failure; its attempt in the list does not repeat it.
  const toldAttempt = failure ? order.payments.findLast((p) => p.status === 'FAILED') : undefined;
  const cardPage = `/area/ordini/${order.code}/carta`;
  const error = failure ? `${t.orders.failure}: ${failure}.` : errore === UserErrorCode.ORDER_NOT_PAYABLE ? t.orders.notPayable : problemMessage(errore, locale);
  return (
    <>
      <h1>{t.orders.order} {order.code}</h1>
      <OutcomeNotice message={esito === 'pagato' ? t.card.paid : null} error={error} />
      <div className="card">
        <p>{date(order.placedOn, locale)} — {order.service?.domain} — <StatusBadge status={order.status} label={t.status[order.status]} /></p>
        {order.supersededByOrderCode && (
          <p className="highlight">{t.orders.supersededBy} <Link href={`/area/ordini/${order.supersededByOrderCode}`}>{order.supersededByOrderCode}</Link>.</p>
        )}
        <PricedLines priced={order} />
        {order.invoice && <p>{t.orders.invoice} {order.invoice.number}: <a href={order.invoice.pdfUrl} download>{t.invoices.download}</a></p>}
      </div>
      {order.paymentInstructions && (
        <section className="card" aria-labelledby="instructions">
          <h2 id="instructions">{t.orders.instructions} — {t.methods[order.paymentInstructions.method]}</h2>
          <dl className="instructions">
            <dt>{t.orders.beneficiary}</dt><dd>{order.paymentInstructions.beneficiary}</dd>
            {order.paymentInstructions.iban && <><dt>{t.orders.iban}</dt><dd>{order.paymentInstructions.iban}</dd></>}
            {order.paymentInstructions.bankName && <><dt>{t.orders.bank}</dt><dd>{order.paymentInstructions.bankName}</dd></>}
            {order.paymentInstructions.postalAccount && <><dt>{t.orders.postalAccount}</dt><dd>{order.paymentInstructions.postalAccount}</dd></>}
            <dt>{t.orders.total}</dt><dd>{order.paymentInstructions.amount.formatted}</dd>
            <dt>{t.orders.reference}</dt><dd>{order.paymentInstructions.reference}</dd>
          </dl>
          {payable && <p>{t.orders.preferCard} <Link href={cardPage}>{t.orders.payByCard}</Link></p>}
        </section>
      )}
      {payable && !order.paymentInstructions && (
        <section className="card" aria-labelledby="pay">
          <h2 id="pay">{t.orders.pay}</h2>
          <p><Link href={cardPage} className="button">{failure ? t.orders.retryCard : t.orders.payByCard}</Link></p>
          <details>
            <summary>{t.orders.payOffline}</summary>
            <form action={payOffline}>
              <input type="hidden" name="code" value={order.code} />
              <PaymentMethodFieldset legend={t.quote.method} labels={t.methods} methods={OFFLINE_METHODS} selected="BANK_TRANSFER" />
              <p><button type="submit" className="secondary">{t.orders.showInstructions}</button></p>
            </form>
          </details>
        </section>
      )}
      {order.payments.length > 0 && (
        <section className="card" aria-labelledby="payments">
          <h2 id="payments">{t.orders.payments}</h2>
          <ul className="plain">
            {order.payments.map((p, i) => (
              <li key={i}>{dateTime(p.createdAt, locale)} — {t.methods[p.method]} — <StatusBadge status={p.status} label={t.status[p.status]} />
                {p.failureReason && p !== toldAttempt && <> — {p.failureReason}</>}{p.testMode && <> — <em>{t.orders.testMode}</em></>}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
