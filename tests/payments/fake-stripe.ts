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

/**
 * Stripe's API as far as we use it (create and retrieve PaymentIntents), answered on localhost:
 * the real SDK makes real HTTP calls, only Stripe's servers are replaced.
 */
export function useFakeStripe() {
  const intents = new Map<string, FakeIntent>();
  const byKey = new Map<string, FakeIntent>();
  const creates: CreateCall[] = [];
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
    intent: (id: string) => intents.get(id)!,
    succeed(id: string) { Object.assign(intents.get(id)!, { status: 'succeeded', last_payment_error: null }); },
    decline(id: string, error: Omit<StripeCardError, 'type'>) { Object.assign(intents.get(id)!, { status: 'requires_payment_method', last_payment_error: { type: 'card_error', ...error } }); },
  };
}
