import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { yearOf } from '@/domain/calendar';
import { invoiceNumber } from '@/domain/documents';
import { eInvoiceFileName } from '@/domain/einvoice/file-name';
import { buildFpr12 } from '@/domain/einvoice/fpr12';
import type { Locale } from '@/domain/money';
import type { BillingSnapshot } from '@/entities/invoice';
import { today } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import { eInvoiceDocument, sellerOf } from '@/operations/einvoices/e-invoice-document';
import { outboxRow } from '@/operations/notifications/queue-email';
import { inTransaction, ownerOf, unauthenticated } from '../owner';

/** The answer in the shape of the GraphQL mutation's, so the benchmark reads both alike. */
const answer = (invoice: string | null, error?: string) => Response.json({ data: { recordOfflinePayment: { invoice: invoice && { number: invoice }, userErrors: error ? [{ code: error }] : [] } } });

class Refused extends Error {}

/**
 * The benchmark's baseline for the back office's `recordOfflinePayment`: the same writes as the operation
 * (the service and the order locked, the payment, the order paid and fulfilled, the change applied to the
 * service, four audit rows, the invoice with the year's next number and its lines, its FatturaPA file built
 * by the same builder, the customer's email in the outbox) in a hand-written transaction of four statements.
 * The invoice number is taken after the order's own writes, so the counter row stays locked for the least time.
 */
export async function rawRecordPayment(pool: pg.Pool, request: Request): Promise<Response> {
  const owner = await ownerOf(pool, request);
  if (!owner || owner.role !== 'ADMIN') return unauthenticated();
  const input = await request.json() as { orderCode: string; amountCents: number; reference: string };
  const day = today();
  try {
    const number = await inTransaction(pool, async (client) => {
      const { rows: [order] } = await client.query({
        name: 'bench-lock-order',
        text: `SELECT o.id, o.code, o.status, o.kind, o.total_cents::int, o.net_cents::int, o.vat_cents::int, o.account_id, o.payment_method, o.tax_profile, o.vat_rate_percent, o.vat_natura,
                 a.name, a.billing_kind, a.first_name, a.last_name, a.fiscal_code, a.vat_number, a.address_line, a.postal_code, a.city, a.province, a.country,
                 a.recipient_code, a.pec_email, a.email, a.locale,
                 (SELECT json_agg(json_build_object('description', l.description, 'amountCents', l.amount_cents::int) ORDER BY l.position) FROM order_lines l WHERE l.order_id = o.id) AS lines
               FROM orders o JOIN services s ON s.id = o.service_id JOIN accounts a ON a.id = o.account_id
               WHERE o.code = $1 FOR UPDATE OF o, s`,
        values: [input.orderCode],
      });
      if (!order) throw new Refused('NOT_FOUND');
      if (order.status !== 'AWAITING_PAYMENT') throw new Refused('ORDER_NOT_PAYABLE');
      if (order.total_cents !== input.amountCents) throw new Refused('AMOUNT_MISMATCH');
      const method = order.payment_method === 'POSTAL_SLIP' ? 'POSTAL_SLIP' : 'BANK_TRANSFER';
      const { rowCount } = await client.query({
        name: 'bench-settle-order',
        text: `WITH payment AS (
                 INSERT INTO payments (order_id, method, provider, status, amount_cents, provider_reference, idempotency_key, recorded_by_user_id)
                 VALUES ($1, $2, 'OFFLINE', 'SUCCEEDED', $3, $4, 'offline-' || gen_random_uuid(), $5)
                 ON CONFLICT (provider, provider_reference) WHERE provider_reference IS NOT NULL DO NOTHING RETURNING id),
               paid AS (
                 UPDATE orders SET status = 'FULFILLED', paid_at = now(), fulfilled_at = now(), payment_method = $2, payment_failure_code = NULL
                 WHERE id = $1 AND EXISTS (SELECT 1 FROM payment)
                 RETURNING service_id, kind, near_expiry, new_expires_on, target_product_id, new_recurring_price_cents),
               applied AS (
                 UPDATE services s SET
                   term_starts_on = CASE WHEN p.kind = 'RENEWAL' THEN s.expires_on WHEN p.kind = 'UPGRADE' AND p.near_expiry THEN $6::date ELSE s.term_starts_on END,
                   expires_on = CASE WHEN p.kind = 'RENEWAL' OR (p.kind = 'UPGRADE' AND p.near_expiry) THEN p.new_expires_on ELSE s.expires_on END,
                   product_id = CASE WHEN p.kind = 'RENEWAL' THEN s.product_id ELSE p.target_product_id END,
                   parent_service_id = CASE WHEN p.kind = 'RENEWAL' THEN s.parent_service_id END,
                   status = CASE WHEN p.kind = 'UPGRADE' AND p.near_expiry THEN 'ACTIVE' ELSE s.status END,
                   deactivated_on = CASE WHEN p.kind = 'UPGRADE' AND p.near_expiry THEN NULL ELSE s.deactivated_on END,
                   recurring_price_cents = COALESCE(p.new_recurring_price_cents, s.recurring_price_cents),
                   revision = s.revision + 1, updated_at = now()
                 FROM paid p WHERE s.id = p.service_id
                 RETURNING s.id, s.product_id, s.status, s.term_starts_on, s.expires_on, s.recurring_price_cents)
               INSERT INTO audit_events (actor_user_id, actor_label, account_id, action, entity_type, entity_id, before, after)
               SELECT $5, $7, $8, x.action, x.entity_type, x.entity_id, x.before, x.after
               FROM payment, paid, applied, LATERAL (VALUES
                 ('payment.recorded', 'Payment', payment.id::text, NULL::jsonb, jsonb_build_object('orderCode', $9::text, 'method', $2::text, 'amountCents', $3::bigint, 'reference', $4::text)),
                 ('order.paid', 'Order', $1::text, '{"status":"AWAITING_PAYMENT"}'::jsonb, jsonb_build_object('status', 'PAID', 'method', $2::text)),
                 ('service.' || lower(paid.kind) || '_applied', 'Service', applied.id::text, NULL::jsonb,
                  jsonb_build_object('productId', applied.product_id, 'status', applied.status, 'termStartsOn', applied.term_starts_on, 'expiresOn', applied.expires_on, 'recurringPriceCents', applied.recurring_price_cents, 'orderCode', $9::text)),
                 ('order.fulfilled', 'Order', $1::text, '{"status":"PAID"}'::jsonb, '{"status":"FULFILLED"}'::jsonb)
               ) AS x(action, entity_type, entity_id, before, after)`,
        values: [order.id, method, input.amountCents, input.reference, owner.userId, day, owner.email, order.account_id, order.code],
      });
      if (rowCount !== 4) throw new Refused('REFERENCE_TAKEN');
      const { rows: [taken] } = await client.query({
        name: 'bench-invoice-number',
        text: `INSERT INTO document_counters (series, year, last_value) VALUES ('INVOICE', $1, 1)
               ON CONFLICT (series, year) DO UPDATE SET last_value = document_counters.last_value + 1
               RETURNING last_value, nextval('e_invoice_file_seq')::int AS progressive`,
        values: [yearOf(day)],
      });
      const billing: BillingSnapshot = {
        name: order.name, kind: order.billing_kind, firstName: order.first_name, lastName: order.last_name, fiscalCode: order.fiscal_code, vatNumber: order.vat_number,
        addressLine: order.address_line, postalCode: order.postal_code, city: order.city, province: order.province, country: order.country,
        recipientCode: order.recipient_code, pecEmail: order.pec_email,
      };
      const invoice = {
        id: randomUUID(), kind: 'INVOICE' as const, year: yearOf(day), number: taken.last_value as number, issuedOn: day, billing,
        netCents: order.net_cents, vatCents: order.vat_cents, totalCents: order.total_cents, taxProfile: order.tax_profile, vatRatePercent: order.vat_rate_percent,
        vatNatura: order.vat_natura, paymentMethod: method as 'BANK_TRANSFER' | 'POSTAL_SLIP', reason: null,
      };
      const seller = sellerOf();
      const xml = buildFpr12(eInvoiceDocument(invoice, order.lines, null, seller, taken.progressive));
      const email = outboxRow({
        accountId: order.account_id, toEmail: order.email, locale: order.locale as Locale, dedupeKey: `order-paid:${order.id}`,
        message: { template: 'ORDER_PAID', orderCode: order.code, totalCents: order.total_cents, invoiceNumber: invoiceNumber(invoice.year, invoice.number), link: portalUrl(`/area/ordini/${order.code}`) },
      });
      await client.query({
        name: 'bench-issue-invoice',
        text: `WITH invoice AS (
                 INSERT INTO invoices (id, year, number, account_id, order_id, issued_on, billing, net_cents, vat_cents, total_cents, tax_profile, vat_rate_percent, vat_natura, payment_method)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)),
               lines AS (INSERT INTO invoice_lines (invoice_id, position, description, amount_cents) SELECT $1, position, description, amount_cents FROM order_lines WHERE order_id = $5),
               file AS (INSERT INTO e_invoices (invoice_id, file_name, progressive, xml) VALUES ($1, $15, $16, $17))
               INSERT INTO notifications (account_id, template, dedupe_key, to_email, locale, data, subject, body_text, body_html, deliverable)
               VALUES ($4, $18, $19, $20, $21, $22, $23, $24, $25, $26) ON CONFLICT (dedupe_key) DO NOTHING`,
        values: [
          invoice.id, invoice.year, invoice.number, order.account_id, order.id, day, billing, invoice.netCents, invoice.vatCents, invoice.totalCents,
          invoice.taxProfile, invoice.vatRatePercent, invoice.vatNatura, method, eInvoiceFileName(seller.vatNumber, taken.progressive), taken.progressive, xml,
          email.template, email.dedupeKey, email.toEmail, email.locale, email.data, email.subject, email.bodyText, email.bodyHtml, email.deliverable,
        ],
      });
      return invoiceNumber(invoice.year, invoice.number);
    });
    return answer(number);
  } catch (error) {
    if (error instanceof Refused) return answer(null, error.message);
    throw error;
  }
}
