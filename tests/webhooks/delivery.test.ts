import { Webhook } from 'standardwebhooks';
import type { DataSource } from 'typeorm';
import { WebhookDelivery } from '@/entities';
import { deliverWebhooks, startWebhookWorker } from '@/operations/webhooks/deliver-webhooks';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { upgradeOrder } from '../payments/support';
import { eventually, useReceiver } from './receiver';

// docs/api.md, Webhooks: signed deliveries of the account's events, retried, logged, redeliverable, to public addresses only.
const database = useTestDatabase();
const api = useGraphQLServer();
const receiver = useReceiver();
let db: DataSource;
let admin: Login;

const CREATE = `mutation($url: String!, $events: [String!]!) { createWebhookEndpoint(input: { url: $url, events: $events }) {
  webhookEndpoint { id url events } secret userErrors { field code message } } }`;
const RECORD = `mutation($code: String!, $ref: String!) { recordOfflinePayment(input: { orderCode: $code, amountCents: 3059, reference: $ref }) { userErrors { code } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id) { edges { node { id messageId eventType status attempts payload
  attemptLog { statusCode durationMs responseExcerpt error } } } } }`;
const REDELIVER = `mutation($id: ID!) { redeliverWebhook(input: { deliveryId: $id }) { delivery { id status } userErrors { code } } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(input: { id: $id }) { webhookEndpoint { previousSecretExpiresAt } secret userErrors { code } } }`;

async function endpointFor(login: AccountLogin, path: string, events = ['order.paid']): Promise<{ id: string; secret: string }> {
  const { body } = await api.gql(CREATE, { url: receiver.url(path), events }, { token: login.token });
  expect(body.data.createWebhookEndpoint.userErrors).toEqual([]);
  return { id: body.data.createWebhookEndpoint.webhookEndpoint.id, secret: body.data.createWebhookEndpoint.secret };
}

async function pay(login: AccountLogin, reference: string): Promise<string> {
  const { code } = await upgradeOrder(db, login, 'BANK_TRANSFER');
  expect((await api.gql(RECORD, { code, ref: reference }, { token: admin.token })).body.data.recordOfflinePayment.userErrors).toEqual([]);
  return code;
}

function verified(secret: string, delivery: { headers: Record<string, unknown>; body: string }): unknown {
  return new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>);
}

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
  process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true';
});

afterAll(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
});

describe('order.paid to a local receiver', () => {
  it('arrives once, signed, within seconds of the payment, sent by the background worker', async () => {
    const customer = await newAccount(db);
    const endpoint = await endpointFor(customer, '/paid');
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const worker = startWebhookWorker(db, 100);
    let code = '';
    try {
      const started = Date.now();
      code = await pay(customer, 'CRO paid-1');
      await eventually(() => receiver.at('/paid').length === 1);
      expect(Date.now() - started).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await worker.stop();
    }
    const [delivery] = receiver.at('/paid');
    expect(receiver.at('/paid')).toHaveLength(1);
    expect(verified(endpoint.secret, delivery)).toMatchObject({ type: 'order.paid', data: { accountId: customer.account.id, orderCode: code, status: 'PAID', totalCents: 3059 } });
    expect(delivery.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(10);
    expect(delivery.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(() => verified('whsec_' + Buffer.alloc(24).toString('base64'), delivery)).toThrow();

    const log = (await api.gql(DELIVERIES, { id: endpoint.id }, { token: customer.token })).body.data.webhookDeliveries.edges;
    expect(log).toHaveLength(1);
    expect(log[0].node).toMatchObject({ messageId: delivery.headers['webhook-id'], eventType: 'order.paid', status: 'DELIVERED', attempts: 1, payload: delivery.json });
    expect(log[0].node.attemptLog).toEqual([{ statusCode: 200, durationMs: expect.any(Number), responseExcerpt: 'ok thanks', error: null }]);
  });

  it('is retried after a 500 with backoff, logged, and delivered on the next attempt', async () => {
    const customer = await newAccount(db);
    const endpoint = await endpointFor(customer, '/flaky');
    receiver.answer(500);
    await pay(customer, 'CRO flaky-1');
    expect(await deliverWebhooks(db)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const [pending] = await db.query(`SELECT d.status, d.attempts, extract(epoch FROM d.next_attempt_at - now()) AS wait FROM webhook_deliveries d WHERE d.endpoint_id = $1`, [endpoint.id]);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(Number(pending.wait)).toBeGreaterThan(20);
    expect(Number(pending.wait)).toBeLessThan(40);
    expect(await deliverWebhooks(db)).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet

    await db.query(`UPDATE webhook_deliveries SET next_attempt_at = now() WHERE endpoint_id = $1`, [endpoint.id]);
    expect(await deliverWebhooks(db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [first, second] = receiver.at('/flaky');
    expect(receiver.at('/flaky')).toHaveLength(2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(verified(endpoint.secret, second)).toMatchObject({ type: 'order.paid' });
    const node = (await api.gql(DELIVERIES, { id: endpoint.id }, { token: customer.token })).body.data.webhookDeliveries.edges[0].node;
    expect(node).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    expect(node.attemptLog.map((a: { statusCode: number; responseExcerpt: string }) => [a.statusCode, a.responseExcerpt])).toEqual([[500, 'receiver is down'], [200, 'ok thanks']]);
  });

  it('is given up after the last attempt, about three days on', async () => {
    const customer = await newAccount(db);
    const endpoint = await endpointFor(customer, '/down');
    await pay(customer, 'CRO down-1');
    await db.query(`UPDATE webhook_deliveries SET attempts = 21 WHERE endpoint_id = $1`, [endpoint.id]);
    receiver.answer(503);
    expect(await deliverWebhooks(db)).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await db.getRepository(WebhookDelivery).findOneByOrFail({ endpointId: endpoint.id })).toMatchObject({ status: 'FAILED', attempts: 22, lastError: 'HTTP 503' });
  });
});

describe('whose events reach which endpoint', () => {
  it("sends a client's events to its reseller's endpoint too, and never to another account's", async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const stranger = await newAccount(db);
    await endpointFor(reseller, '/reseller');
    await endpointFor(client, '/client');
    await endpointFor(stranger, '/stranger');
    const code = await pay(client, 'CRO client-1');
    await deliverWebhooks(db);
    expect(receiver.at('/reseller').map((r) => [r.json.type, r.json.data.orderCode, r.json.data.accountId])).toEqual([['order.paid', code, client.account.id]]);
    expect(receiver.at('/client').map((r) => r.json.data.orderCode)).toEqual([code]);
    expect(receiver.at('/reseller')[0].headers['webhook-id']).toBe(receiver.at('/client')[0].headers['webhook-id']);
    expect(receiver.at('/stranger')).toEqual([]);
    const strangers = await api.gql(DELIVERIES, { id: (await endpointFor(reseller, '/reseller-2')).id }, { token: stranger.token });
    expect(strangers.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('delivers only the events an endpoint subscribed to', async () => {
    const customer = await newAccount(db);
    await endpointFor(customer, '/created-only', ['order.created']);
    const code = await pay(customer, 'CRO created-1');
    await deliverWebhooks(db);
    expect(receiver.at('/created-only').map((r) => [r.json.type, r.json.data.orderCode, r.json.data.status])).toEqual([['order.created', code, 'AWAITING_PAYMENT']]);
  });
});

describe('redelivery and rotation', () => {
  it('redelivers a delivered event with the same webhook-id, and not for another account', async () => {
    const customer = await newAccount(db);
    const endpoint = await endpointFor(customer, '/again');
    await pay(customer, 'CRO again-1');
    await deliverWebhooks(db);
    const [{ node }] = (await api.gql(DELIVERIES, { id: endpoint.id }, { token: customer.token })).body.data.webhookDeliveries.edges;
    const stranger = await newAccount(db);
    expect((await api.gql(REDELIVER, { id: node.id }, { token: stranger.token })).body.data.redeliverWebhook).toEqual({ delivery: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await api.gql(REDELIVER, { id: node.id }, { token: customer.token })).body.data.redeliverWebhook).toEqual({ delivery: { id: node.id, status: 'PENDING' }, userErrors: [] });
    expect(await deliverWebhooks(db)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [first, second] = receiver.at('/again');
    expect(receiver.at('/again')).toHaveLength(2);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
  });

  it('signs with both secrets during the overlap after a rotation, then with the new one alone', async () => {
    const customer = await newAccount(db);
    const endpoint = await endpointFor(customer, '/rotated');
    const { body } = await api.gql(ROTATE, { id: endpoint.id }, { token: customer.token });
    const rotated = body.data.rotateWebhookSecret;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(new Date(rotated.webhookEndpoint.previousSecretExpiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    await pay(customer, 'CRO rotated-1');
    await deliverWebhooks(db);
    const [during] = receiver.at('/rotated');
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(rotated.secret, during)).toMatchObject({ type: 'order.paid' });
    expect(verified(endpoint.secret, during)).toMatchObject({ type: 'order.paid' });

    await db.query(`UPDATE webhook_endpoints SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [endpoint.id]);
    await pay(customer, 'CRO rotated-2');
    await deliverWebhooks(db);
    const after = receiver.at('/rotated')[1];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(rotated.secret, after)).toMatchObject({ type: 'order.paid' });
    expect(() => verified(endpoint.secret, after)).toThrow();
  });
});

describe('two workers', () => {
  it('never deliver the same event twice', async () => {
    const customer = await newAccount(db);
    await endpointFor(customer, '/busy', ['order.created']);
    for (let i = 0; i < 12; i += 1) await upgradeOrder(db, customer, 'BANK_TRANSFER').then(({ code }) => db.query(`UPDATE orders SET status = 'CANCELLED' WHERE code = $1`, [code]));
    const passes = await Promise.all([deliverWebhooks(db, 3), deliverWebhooks(db, 3)]);
    expect(passes[0].sent + passes[1].sent).toBe(12);
    expect(passes[0].sent).toBeGreaterThan(0);
    expect(passes[1].sent).toBeGreaterThan(0);
    const ids = receiver.at('/busy').map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });
});
