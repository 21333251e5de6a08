import Link from 'next/link';
import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { PaymentMethodFieldset } from '@/components/payment-method-fieldset';
import { StatusBadge } from '@/components/status-badge';
import { signedInQuery } from '@/portal/graphql';
import { date, dateTime } from '@/portal/format';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { payAgain } from '@/portal/payment-actions';

export const metadata = { title: 'Ordine' };

interface OrderView {
  code: string; status: string; kind: string; placedOn: string; paymentMethod: string | null; paymentFailureReason: string | null;
  lines: { description: string; amount: { formatted: string } }[]; total: { formatted: string }; netCents: number;
  payments: { method: string; status: string; testMode: boolean; failureReason: string | null; createdAt: string; amountCents: number }[];
  paymentInstructions: { method: string; beneficiary: string; iban: string | null; bankName: string | null; postalAccount: string | null; amount: { formatted: string }; reference: string } | null;
  invoice: { number: string; pdfUrl: string } | null;
  service: { domain: string } | null;
}

export default async function OrderPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { code } = await params;
  const { esito, errore } = await searchParams;
  const { order } = await signedInQuery<{ order: OrderView | null }>(`query($code: String!) { order(code: $code) {
    code status kind placedOn paymentMethod paymentFailureReason netCents total { formatted } lines { description amount { formatted } }
    payments { method status testMode failureReason createdAt amountCents }
    paymentInstructions { method beneficiary iban bankName postalAccount amount { formatted } reference }
    invoice { number pdfUrl } service { domain }
  } }`, { code });
  if (!order) notFound();
  const awaiting = order.status === 'AWAITING_PAYMENT';
  return (
    <>
      <h1>{t.orders.order} {order.code}</h1>
      <OutcomeNotice message={esito === 'pagato' ? t.card.paid : null} error={esito === 'rifiutato' ? `${t.orders.failure}: ${order.paymentFailureReason ?? ''}` : problemMessage(errore, locale)} />
      <div className="card">
        <p>{date(order.placedOn, locale)} — {order.service?.domain} — <StatusBadge status={order.status} label={t.status[order.status]} /></p>
        <table className="quote-lines">
          <thead><tr><th scope="col">{t.quote.description}</th><th scope="col" className="amount">{t.quote.amount}</th></tr></thead>
          <tbody>{order.lines.map((line, i) => <tr key={i}><td>{line.description}</td><td className="amount">{line.amount.formatted}</td></tr>)}</tbody>
          <tfoot><tr className="total"><th scope="row">{t.quote.total} ({t.quote.vat})</th><td className="amount">{order.total.formatted}</td></tr></tfoot>
        </table>
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
        </section>
      )}
      {order.payments.length > 0 && (
        <section className="card" aria-labelledby="payments">
          <h2 id="payments">{t.orders.payments}</h2>
          <ul className="plain">
            {order.payments.map((p, i) => (
              <li key={i}>{dateTime(p.createdAt, locale)} — {t.methods[p.method]} — <StatusBadge status={p.status} label={t.status[p.status]} />
                {p.failureReason && <> — {p.failureReason}</>}{p.testMode && <> — <em>{t.orders.testMode}</em></>}</li>
            ))}
          </ul>
        </section>
      )}
      {awaiting && (
        <section className="card" aria-labelledby="pay-again">
          <h2 id="pay-again">{t.orders.payAgain}</h2>
          {order.paymentFailureReason && <p className="error">{t.orders.failure}: {order.paymentFailureReason}</p>}
          <form action={payAgain}>
            <input type="hidden" name="code" value={order.code} />
            <PaymentMethodFieldset legend={t.quote.method} labels={t.methods} selected={order.paymentMethod ?? 'CARD'} />
            <p><button type="submit">{t.orders.payAgain}</button> {order.paymentMethod === 'CARD' && <Link href={`/area/ordini/${order.code}/carta`}>{t.card.title}</Link>}</p>
          </form>
        </section>
      )}
    </>
  );
}
