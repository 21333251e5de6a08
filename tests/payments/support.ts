import type { DataSource } from 'typeorm';
import type { Service } from '@/entities';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import type { PaymentMethod } from '@/entities/order';
import { newService, type AccountLogin } from '../support/fixtures';

export const ORDER_FIELDS = `code status kind totalCents paymentMethod paymentFailureReason placedOn
  paymentInstructions { method beneficiary iban bankName postalAccount amountCents amount { formatted } reference }
  payments { method provider status amountCents failureReason testMode }
  invoice { number year issuedOn netCents vatCents totalCents pdfUrl orderCode billing { name fiscalCode } lines { description amountCents } }`;

/** PERSONAL15 → BUSINESS on 2026-07-02 (docs/product-rules.md, Changing a service, example 1): an order of €30.59. */
export async function upgradeOrder(db: DataSource, login: AccountLogin, method: PaymentMethod): Promise<{ service: Service; code: string; clientSecret: string | null }> {
  process.env.PORTAL_TODAY = '2026-07-02';
  const service = await newService(db, login.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
  const quote = await requestServiceChange(db, login.actor, { serviceId: service.id, targetProductCode: 'BUSINESS' });
  const { order, cardPayment } = await confirmQuote(db, login.actor, { quoteId: quote.id, paymentMethod: method });
  return { service, code: order!.code, clientSecret: cardPayment?.clientSecret ?? null };
}
