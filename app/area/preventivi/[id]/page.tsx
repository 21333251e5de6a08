import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { OutcomeNotice } from '@/components/outcome-notice';
import { PaymentMethodFieldset } from '@/components/payment-method-fieldset';
import { PricedLines, type PricedLinesData } from '@/components/priced-lines';
import { UserErrorCode, userErrorMessage } from '@/domain/user-error-codes';
import { signedInQuery } from '@/portal/graphql';
import { date, dateTime } from '@/portal/format';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { confirmQuote } from '@/portal/service-actions';
import { QUOTE_PAGE_QUERY } from './query';

export const metadata = { title: 'Preventivo' };

interface Quote extends PricedLinesData {
  id: string; kind: string; direction: string | null; nearExpiry: boolean; freeDays: number; newExpiresOn: string; effectiveOn: string; expiresAt: string; expired: boolean; confirmedAt: string | null;
  renewalPriceCents: number | null; renewalDueOnExpiry: boolean; supersedesOrderCode: string | null; cancellationReason: string | null;
  deactivations: { kind: string; description: string }[];
  service: { domain: string; expiresOn: string; product: { code: string } };
  targetProduct: { code: string; name: string; price: { formatted: string } } | null;
}

export default async function QuotePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { id } = await params;
  const { errore } = await searchParams;
  const { quote } = await signedInQuery<{ quote: Quote | null }>(QUOTE_PAGE_QUERY, { id });
  if (!quote) notFound();
  const change = quote.kind === 'SERVICE_CHANGE';
  const expired = errore === UserErrorCode.QUOTE_EXPIRED || quote.expired;
  return (
    <>
      <h1>{change ? `${t.quote.title}: ${quote.service.product.code} → ${quote.targetProduct?.code}` : t.cancel.summary}</h1>
      <OutcomeNotice error={expired ? userErrorMessage(UserErrorCode.QUOTE_EXPIRED, locale) : problemMessage(errore, locale)} />
      <div className="card">
        <p><strong>{quote.service.domain}</strong>{change && <> — {quote.direction === 'UPGRADE' ? t.quote.upgrade : t.quote.downgrade}</>}</p>
        {change ? (
          <>
            <PricedLines priced={quote} />
            <p>{t.quote.newExpiry}: <strong>{date(quote.newExpiresOn, locale)}</strong>{quote.newExpiresOn === quote.service.expiresOn && ` (${t.quote.unchanged})`}</p>
            {quote.freeDays > 0 && <p className="highlight">{t.quote.freeDays(quote.freeDays)}</p>}
            {quote.targetProduct && (quote.renewalDueOnExpiry
              ? <p className="highlight">{t.quote.renewalDue(quote.targetProduct.price.formatted, date(quote.service.expiresOn, locale))}</p>
              : <p>{t.quote.renewsAt(quote.targetProduct.price.formatted)}</p>)}
          </>
        ) : (
          <>
            <p>{t.cancel.effective} <strong>{date(quote.effectiveOn, locale)}</strong>.</p>
            <p>{t.cancel.noRefund}</p>
          </>
        )}
        {quote.deactivations.length > 0 && (
          <section aria-labelledby="lost"><h2 id="lost">{t.quote.lost}</h2><ul>{quote.deactivations.map((d, i) => <li key={i}>{d.description}</li>)}</ul></section>
        )}
        {quote.supersedesOrderCode && <p className="highlight">{t.quote.supersedes(quote.supersedesOrderCode)}</p>}
        {!expired && !quote.confirmedAt && (
          <form action={confirmQuote}>
            <input type="hidden" name="quoteId" value={quote.id} />
            <input type="hidden" name="idempotencyKey" value={randomUUID()} />
            {change && <PaymentMethodFieldset legend={t.quote.method} labels={t.methods} />}
            <p className="muted">{(change ? t.quote.validUntil : t.cancel.validUntil)(dateTime(quote.expiresAt, locale))}</p>
            <p><button type="submit">{change ? t.quote.confirm : t.cancel.confirm}</button></p>
          </form>
        )}
      </div>
    </>
  );
}
