import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIntent {
  id: string; object: 'payment_intent'; amount: number; currency: string; status: string; client_secret: string;
  metadata: Record<string, string>; last_payment_error: StripeCardError | null;
}

/** What Stripe says of a refused card: `code` card_declined with the bank's `decline_code`, or another code. */
export interface StripeCardError {
  type: 'card_error'; code: string; decline_code?: string; message: string;
}

export interface CreateCall { params: URLSearchParams; idempotencyKey: string | undefined }

export interface FakeRefund { id: string; object: 'refund'; amount: number; currency: string; payment_intent: string; status: 'succeeded' }

/**
 * Stripe's API as far as we use it (create and retrieve PaymentIntents, refund one), answered on localhost:
 * the real SDK makes real HTTP calls, only Stripe's servers are replaced. Like Stripe, a refund's
 * idempotency key answers the same refund again, and a refunded intent cannot be refunded twice.
 */
export function useFakeStripe() {
  const intents = new Map<string, FakeIntent>();
  const byKey = new Map<string, FakeIntent>();
  const creates: CreateCall[] = [];
  const refunds: FakeRefund[] = [];
  const refundCalls: CreateCall[] = [];
  const refundsByKey = new Map<string, FakeRefund>();
  let failingRefunds = 0;
  let server: Server;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => { body += chunk; });
      request.on('end', () => {
        const reply = (status: number, json: unknown) => { response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_fake' }); response.end(JSON.stringify(json)); };
        const retrieve = request.url?.match(/^\/v1\/payment_intents\/([^/?]+)/);
        if (request.method === 'POST' && request.url === '/v1/payment_intents') {
          const params = new URLSearchParams(body);
          const key = request.headers['idempotency-key'] as string | undefined;
          creates.push({ params, idempotencyKey: key });
          const existing = key ? byKey.get(key) : undefined;
          if (existing) return reply(200, existing);
          const id = `pi_fake_${intents.size + 1}`;
          const intent: FakeIntent = {
            id, object: 'payment_intent', amount: Number(params.get('amount')), currency: params.get('currency')!, status: 'requires_payment_method',
            client_secret: `${id}_secret_fake`, metadata: { order_code: params.get('metadata[order_code]')!, order_id: params.get('metadata[order_id]')! }, last_payment_error: null,
          };
          intents.set(id, intent);
          if (key) byKey.set(key, intent);
          return reply(200, intent);
        }
        if (request.method === 'POST' && request.url === '/v1/refunds') {
          const params = new URLSearchParams(body);
          const key = request.headers['idempotency-key'] as string | undefined;
          refundCalls.push({ params, idempotencyKey: key });
          if (failingRefunds > 0) {
            failingRefunds -= 1;
            response.writeHead(500, { 'content-type': 'application/json', 'stripe-should-retry': 'false' });
            return response.end(JSON.stringify({ error: { type: 'api_error', message: 'Stripe is unavailable' } }));
          }
          const replayed = key ? refundsByKey.get(key) : undefined;
          if (replayed) return reply(200, replayed);
          const intent = intents.get(params.get('payment_intent') ?? '');
          if (!intent) return reply(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
          if (intent.status !== 'succeeded') return reply(400, { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state', message: 'This PaymentIntent has no successful charge to refund.' } });
          if (refunds.some((r) => r.payment_intent === intent.id)) return reply(400, { error: { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' } });
          const refund: FakeRefund = { id: `re_fake_${refunds.length + 1}`, object: 'refund', amount: intent.amount, currency: intent.currency, payment_intent: intent.id, status: 'succeeded' };
          refunds.push(refund);
          if (key) refundsByKey.set(key, refund);
          return reply(200, refund);
        }
        if (request.method === 'GET' && retrieve && intents.has(retrieve[1])) return reply(200, intents.get(retrieve[1]));
        return reply(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.STRIPE_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  return {
    creates,
    /** Refunds made, and every call asking for one (replays included). */
    refunds,
    refundCalls,
    /** The next `count` refund calls fail as if Stripe were down. */
    failRefunds(count: number) { failingRefunds = count; },
    intent: (id: string) => intents.get(id)!,
    succeed(id: string) { Object.assign(intents.get(id)!, { status: 'succeeded', last_payment_error: null }); },
    decline(id: string, error: Omit<StripeCardError, 'type'>) { Object.assign(intents.get(id)!, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', ...error } }); },
  };
}
