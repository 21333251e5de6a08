import Stripe from 'stripe';
import type { DataSource } from 'typeorm';
import { AuditEvent, Invoice, Notification, Order, Payment, WebhookEvent } from '@/entities';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { useFakeStripe } from './fake-stripe';
import { upgradeOrder } from './support';

const WEBHOOK_SECRET = 'whsec_test_secret';
const database = useTestDatabase();
const api = useGraphQLServer();
const stripe = useFakeStripe();
let db: DataSource;
let customer: AccountLogin;
let admin: Login;
let eventCount = 0;

function event(type: string, intentId: string) {
  eventCount += 1;
  return { id: `evt_${eventCount}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: stripe.intent(intentId) } };
}

async function deliver(payload: object, options: { secret?: string; timestamp?: number } = {}) {
  const body = JSON.stringify(payload);
  const signature = new Stripe('sk_test_unused').webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? WEBHOOK_SECRET, timestamp: options.timestamp });
  const response = await api.raw({ method: 'POST', path: '/api/stripe/webhook', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
  return response.status;
}

async function cardOrder() {
  const { code } = await upgradeOrder(db, customer, 'CARD');
  const order = await db.getRepository(Order).findOneByOrFail({ code });
  const payment = await db.getRepository(Payment).findOneByOrFail({ orderId: order.id });
  return { order, payment, intentId: payment.providerReference! };
}

const DECLINED = { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' };

const orderState = async (id: string) => {
  const order = await db.getRepository(Order).findOneByOrFail({ id });
  return { status: order.status, reason: order.paymentFailureCode, invoices: await db.getRepository(Invoice).countBy({ orderId: id }) };
};

beforeAll(async () => {
  Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_fake', STRIPE_PUBLISHABLE_KEY: 'pk_test_fake', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
  db = await database.db();
  customer = await newAccount(db);
  admin = await newAdmin(db);
});

afterAll(() => {
  for (const key of ['STRIPE_SECRET_KEY', 'STRIPE_PUBLISHABLE_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE']) delete process.env[key];
});

describe('card payments through Stripe', () => {
  it('creates a PaymentIntent in EUR for the total, with the HCS code and an idempotency key stored before the call', async () => {
    const { order, payment, intentId } = await cardOrder();
    const call = stripe.creates.at(-1)!;
    expect(call.params.get('amount')).toBe('3059');
    expect(call.params.get('currency')).toBe('eur');
    expect(call.params.get('metadata[order_code]')).toBe(order.code);
    expect(call.idempotencyKey).toBe(payment.idempotencyKey);
    expect(payment).toMatchObject({ provider: 'STRIPE', status: 'PENDING', amountCents: 3059 });
    const pay = await api.gql('mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: CARD }) { cardPayment { provider clientSecret publishableKey testMode } } }', { code: order.code }, { token: customer.token });
    expect(pay.body.data.payOrder.cardPayment).toEqual({ provider: 'STRIPE', clientSecret: `${intentId}_secret_fake`, publishableKey: 'pk_test_fake', testMode: false });
  });

  it('pays, invoices and fulfils on payment_intent.succeeded, once however often the event is delivered', async () => {
    const { order, intentId } = await cardOrder();
    stripe.succeed(intentId);
    const succeeded = event('payment_intent.succeeded', intentId);
    expect(await deliver(succeeded)).toBe(200);
    expect(await deliver(succeeded)).toBe(200);
    expect(await deliver(event('payment_intent.succeeded', intentId))).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: 'FULFILLED', reason: null, invoices: 1 });
    expect(await db.getRepository(Payment).countBy({ orderId: order.id, status: 'SUCCEEDED' })).toBe(1);
    expect(await db.getRepository(Notification).countBy({ dedupeKey: `order-paid:${order.id}` })).toBe(1);
  });

  it("keeps a declined order awaiting payment with the bank's decline code, emails once, and a retry on the same intent pays it, keeping the declined attempt", async () => {
    const { order, intentId } = await cardOrder();
    stripe.decline(intentId, DECLINED);
    const failed = event('payment_intent.payment_failed', intentId);
    expect(await deliver(failed)).toBe(200);
    expect(await deliver(failed)).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: 'AWAITING_PAYMENT', reason: 'insufficient_funds', invoices: 0 });
    const mails = await db.getRepository(Notification).findBy({ accountId: customer.account.id, template: 'PAYMENT_FAILED' });
    expect(mails.map((m) => m.bodyText.includes('non è andato a buon fine: fondi insufficienti sulla carta.'))).toEqual([true]);
    stripe.succeed(intentId);
    expect(await deliver(event('payment_intent.succeeded', intentId))).toBe(200);
    expect(await deliver(failed)).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: 'FULFILLED', reason: null, invoices: 1 });
    const payments = await db.getRepository(Payment).find({ where: { orderId: order.id }, order: { createdAt: 'ASC' } });
    expect(payments.map((p) => [p.status, p.failureCode, p.providerReference])).toEqual([['FAILED', 'insufficient_funds', null], ['SUCCEEDED', null, intentId]]);
  });

  it('ends in the same state whatever order the events arrive in', async () => {
    const { order, intentId } = await cardOrder();
    stripe.decline(intentId, DECLINED);
    const failed = event('payment_intent.payment_failed', intentId);
    stripe.succeed(intentId);
    const succeeded = event('payment_intent.succeeded', intentId);
    for (const delivery of [succeeded, failed, succeeded, failed]) expect(await deliver(delivery)).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: 'FULFILLED', reason: null, invoices: 1 });
    expect(await db.getRepository(Notification).countBy({ accountId: customer.account.id, template: 'PAYMENT_FAILED' })).toBe(1);
  });

  it('records money collected for an order a newer one replaced once, as a refund due, and refunds it once, however often the event comes', async () => {
    const { order, intentId } = await cardOrder();
    const quote = await requestServiceChange(db, customer.actor, { serviceId: order.serviceId!, targetProductCode: 'PROFESSIONAL' });
    await confirmQuote(db, customer.actor, { quoteId: quote.id, paymentMethod: 'BANK_TRANSFER' });
    stripe.succeed(intentId);
    const succeeded = event('payment_intent.succeeded', intentId);
    for (const delivery of [succeeded, succeeded, event('payment_intent.succeeded', intentId)]) expect(await deliver(delivery)).toBe(200);
    const payments = await db.getRepository(Payment).findBy({ orderId: order.id });
    expect(payments.map((p) => [p.status, p.failureCode, p.providerReference])).toEqual([['REFUNDED', 'order_not_payable', intentId]]);
    expect(await orderState(order.id)).toEqual({ status: 'CANCELLED', reason: null, invoices: 0 });
    expect(await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'payment.refund_due' AND entity_id = $1`, [payments[0].id])).toEqual([{ n: 1 }]);
  });

  it('refuses a bad signature or a stale timestamp with 400 and changes nothing', async () => {
    const { order, intentId } = await cardOrder();
    stripe.succeed(intentId);
    const forged = event('payment_intent.succeeded', intentId);
    expect(await deliver(forged, { secret: 'whsec_wrong' })).toBe(400);
    expect(await deliver(forged, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toBe(400);
    expect(await db.getRepository(WebhookEvent).countBy({ id: forged.id })).toBe(0);
    expect(await orderState(order.id)).toEqual({ status: 'AWAITING_PAYMENT', reason: null, invoices: 0 });
    const unsigned = await api.raw({ method: 'POST', path: '/api/stripe/webhook', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
    expect(unsigned.status).toBe(400);
  });

  it('leaves nothing half-done when applying fails after "paid", and a redelivery completes it', async () => {
    const { order, intentId } = await cardOrder();
    const [{ last }] = await db.query(`SELECT coalesce(max(number), 0)::int AS last FROM invoices WHERE year = 2026`);
    await db.query(`CREATE FUNCTION fail_service_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql`);
    await db.query(`CREATE TRIGGER fail_service_update BEFORE UPDATE ON services FOR EACH ROW EXECUTE FUNCTION fail_service_update()`);
    stripe.succeed(intentId);
    const succeeded = event('payment_intent.succeeded', intentId);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await deliver(succeeded)).toBe(500);
    expect(await orderState(order.id)).toEqual({ status: 'AWAITING_PAYMENT', reason: null, invoices: 0 });
    expect((await db.getRepository(Payment).findOneByOrFail({ orderId: order.id })).status).toBe('PENDING');
    expect((await db.query(`SELECT coalesce(max(number), 0)::int AS last FROM invoices WHERE year = 2026`))[0].last).toBe(last);

    await db.query(`DROP TRIGGER fail_service_update ON services; DROP FUNCTION fail_service_update()`);
    expect(await deliver(succeeded)).toBe(200);
    expect(await orderState(order.id)).toEqual({ status: 'FULFILLED', reason: null, invoices: 1 });
    const [{ number }] = await db.query(`SELECT number FROM invoices WHERE order_id = $1`, [order.id]);
    expect(number).toBe(last + 1);
  });
});

describe('refunds through Stripe (docs/product-rules.md, Refunds and credit notes)', () => {
  /** An order paid by bank transfer whose card payment, opened before, then succeeds at Stripe. */
  async function paidTwice() {
    const { order, payment, intentId } = await cardOrder();
    await recordOfflinePayment(db, admin.actor, { orderCode: order.code, amountCents: order.totalCents, reference: `CRO ${order.code}` });
    stripe.succeed(intentId);
    return { order, payment, intentId };
  }

  const PAYMENTS = `query($code: String!) { order(code: $code) { status payments { provider status amountCents failureCode refundedAt refundReference } } }`;
  const refundsOf = (intentId: string) => stripe.refunds.filter((r) => r.payment_intent === intentId);
  const refundAudits = (paymentId: string) => db.getRepository(AuditEvent).countBy({ entityId: paymentId, action: 'payment.refunded' });

  it('refunds a card payment that arrives for an order already paid, once however often its events come; the back office sees it', async () => {
    const { order, payment, intentId } = await paidTwice();
    const succeeded = event('payment_intent.succeeded', intentId);
    expect(await deliver(succeeded)).toBe(200);
    expect(refundsOf(intentId)).toEqual([expect.objectContaining({ amount: 3059, currency: 'eur', status: 'succeeded' })]);
    expect(stripe.refundCalls.at(-1)!.idempotencyKey).toBe(`refund-${payment.id}`);
    const calls = stripe.refundCalls.length;

    expect(await deliver(succeeded)).toBe(200);
    expect(await deliver(event('payment_intent.succeeded', intentId))).toBe(200);
    expect(stripe.refundCalls).toHaveLength(calls);
    expect(refundsOf(intentId)).toHaveLength(1);

    const refunded = await db.getRepository(Payment).findOneByOrFail({ id: payment.id });
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundReference: refundsOf(intentId)[0].id });
    expect(refunded.refundedAt).toBeInstanceOf(Date);
    expect(await refundAudits(payment.id)).toBe(1);
    expect(await orderState(order.id)).toEqual({ status: 'FULFILLED', reason: null, invoices: 1 });

    const { body } = await api.gql(PAYMENTS, { code: order.code }, { token: admin.token });
    expect(body.data.order.payments).toEqual(expect.arrayContaining([
      { provider: 'STRIPE', status: 'REFUNDED', amountCents: 3059, failureCode: 'order_not_payable', refundedAt: refunded.refundedAt!.toISOString(), refundReference: refundsOf(intentId)[0].id },
      expect.objectContaining({ provider: 'OFFLINE', status: 'SUCCEEDED' }),
    ]));
  });

  it('leaves the payment "refund due" when Stripe fails, and refunds it when Stripe delivers the event again', async () => {
    const { payment, intentId } = await paidTwice();
    const succeeded = event('payment_intent.succeeded', intentId);
    stripe.failRefunds(1);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await deliver(succeeded)).toBe(500);
    expect(await db.getRepository(Payment).findOneByOrFail({ id: payment.id })).toMatchObject({ status: 'FAILED', failureCode: 'order_not_payable', refundedAt: null });
    expect(refundsOf(intentId)).toHaveLength(0);

    expect(await deliver(succeeded)).toBe(200);
    expect(refundsOf(intentId)).toHaveLength(1);
    expect(await db.getRepository(Payment).findOneByOrFail({ id: payment.id })).toMatchObject({ status: 'REFUNDED', refundReference: refundsOf(intentId)[0].id });
    expect(await db.getRepository(AuditEvent).countBy({ entityId: payment.id, action: 'payment.refund_due' })).toBe(1);
    expect(await refundAudits(payment.id)).toBe(1);
  });

  it('refunds once when two events of the intent arrive at the same time', async () => {
    const { payment, intentId } = await paidTwice();
    const statuses = await Promise.all([deliver(event('payment_intent.succeeded', intentId)), deliver(event('payment_intent.succeeded', intentId))]);
    expect(statuses).toEqual([200, 200]);
    expect(refundsOf(intentId)).toHaveLength(1);
    expect(await refundAudits(payment.id)).toBe(1);
  });
});
