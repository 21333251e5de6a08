import type pg from 'pg';
import { yearOf } from '@/domain/calendar';
import { orderCode } from '@/domain/documents';
import { inTransaction, ownerOf, unauthenticated } from '../owner';

/** The answer in the shape of the GraphQL mutation's, so the benchmark reads both alike. */
const answer = (code: string | null, error?: string) => Response.json({ data: { confirmQuote: { order: code && { code }, userErrors: error ? [{ code: error }] : [] } } });

class Refused extends Error {}

/**
 * The benchmark's baseline for `confirmQuote` of a change: the same writes as the operation (the quote and
 * its service locked, the service's state checked, the order with its lines and its audit row, the quote
 * marked confirmed) in a hand-written transaction of four statements on a plain pool.
 */
export async function rawConfirmQuote(pool: pg.Pool, request: Request): Promise<Response> {
  const owner = await ownerOf(pool, request);
  if (!owner?.accountId) return unauthenticated();
  const { quoteId, paymentMethod } = await request.json() as { quoteId: string; paymentMethod: string };
  try {
    const code = await inTransaction(pool, async (client) => {
      const { rows: [quote] } = await client.query({
        name: 'bench-lock-quote',
        text: `SELECT q.kind, q.service_revision, q.supersedes_order_id, q.confirmed_at, q.expires_at < now() AS expired, to_char(q.priced_on, 'YYYY-MM-DD') AS priced_on,
                 s.id AS service_id, s.revision, s.status,
                 a.address_line IS NOT NULL AND a.city IS NOT NULL AND a.postal_code IS NOT NULL AND (a.fiscal_code IS NOT NULL OR a.vat_number IS NOT NULL) AS billing_complete
               FROM quotes q JOIN services s ON s.id = q.service_id JOIN accounts a ON a.id = q.account_id
               WHERE q.id = $1 AND q.account_id = $2 FOR UPDATE OF q, s`,
        values: [quoteId, owner.accountId],
      });
      if (!quote) throw new Refused('NOT_FOUND');
      if (quote.confirmed_at || quote.expired || quote.kind !== 'SERVICE_CHANGE') throw new Refused('QUOTE_STALE');
      if (!quote.billing_complete) throw new Refused('BILLING_INCOMPLETE');
      if (quote.revision !== quote.service_revision || quote.status !== 'ACTIVE') throw new Refused('QUOTE_STALE');
      // After the lock, as the operation does: read in the locking statement, a concurrent order could slip past.
      const { rows: [state] } = await client.query({
        name: 'bench-service-state',
        text: `SELECT (SELECT id FROM orders WHERE service_id = $1 AND status = 'AWAITING_PAYMENT') AS open_order_id,
                      EXISTS (SELECT 1 FROM cancellations WHERE service_id = $1 AND status = 'CONFIRMED') AS cancelled,
                      nextval('order_number_seq')::int AS number`,
        values: [quote.service_id],
      });
      if (state.open_order_id !== quote.supersedes_order_id || state.cancelled) throw new Refused('QUOTE_STALE');
      const { rows: [order] } = await client.query({
        name: 'bench-place-order',
        text: `WITH q AS (SELECT q.*, s.expires_on AS service_expires_on FROM quotes q JOIN services s ON s.id = q.service_id WHERE q.id = $1),
               o AS (
                 INSERT INTO orders (code, placed_on, kind, status, account_id, service_id, quote_id, target_product_id, near_expiry, new_expires_on, new_recurring_price_cents,
                                     payment_method, created_by_user_id, net_cents, vat_cents, total_cents, tax_profile, vat_rate_percent, vat_natura)
                 SELECT $2, q.priced_on, q.direction, 'AWAITING_PAYMENT', q.account_id, q.service_id, q.id, q.target_product_id, q.near_expiry,
                        NULLIF(q.new_expires_on, q.service_expires_on), q.new_recurring_price_cents, $3, $4, q.net_cents, q.vat_cents, q.total_cents,
                        q.tax_profile, q.vat_rate_percent, q.vat_natura
                 FROM q RETURNING id, account_id, code, kind, total_cents, target_product_id),
               lines AS (
                 INSERT INTO order_lines (order_id, position, kind, description, amount_cents)
                 SELECT o.id, l.n - 1, l.line->>'kind', l.line->>'description', (l.line->>'amountCents')::bigint
                 FROM o, q, jsonb_array_elements(q.lines) WITH ORDINALITY AS l(line, n)),
               audited AS (
                 INSERT INTO audit_events (actor_user_id, actor_label, account_id, action, entity_type, entity_id, after)
                 SELECT $4, $5, o.account_id, 'order.created', 'Order', o.id::text,
                        jsonb_build_object('code', o.code, 'kind', o.kind, 'totalCents', o.total_cents, 'paymentMethod', $3::text, 'quoteId', $1::text, 'targetProductId', o.target_product_id)
                 FROM o),
               confirmed AS (UPDATE quotes SET confirmed_at = now(), idempotency_key = NULL WHERE id = $1)
               SELECT code FROM o`,
        values: [quoteId, orderCode(yearOf(quote.priced_on), state.number), paymentMethod, owner.userId, owner.email],
      });
      return order.code as string;
    });
    return answer(code);
  } catch (error) {
    if (error instanceof Refused) return answer(null, error.message);
    throw error;
  }
}
