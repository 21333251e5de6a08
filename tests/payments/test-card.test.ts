import type { DataSource } from 'typeorm';
import { AuditEvent, Notification, Order, Payment, TestCardIntent } from '@/entities';
import { chargeTestCard } from '@/lib/payments/test-processor';
import { applyCardOutcome } from '@/operations/payments/card-outcome';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin } from '../support/fixtures';
import { ORDER_FIELDS, upgradeOrder } from './support';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const PAY_CARD = `mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) {
  order { status paymentFailureCode paymentFailureReason } payment { status failureCode failureReason testMode } userErrors { field code } } }`;
const PAYMENTS = `query($code: String!) { order(code: $code) { status payments { status failureCode failureReason } } }`;
const PAY_ORDER = `mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: CARD }) {
  order { code status } cardPayment { provider clientSecret publishableKey amountCents testMode } userErrors { code } } }`;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  db = await database.db();
  customer = await newAccount(db);
});

describe('card payments with the built-in test processor', () => {
  it('returns a test-mode card session when a change is confirmed by card', async () => {
    const quote = (await api.gql(`mutation($id: ID!) { requestServiceChange(input: { serviceId: $id, targetProductCode: "BUSINESS" }) { quote { id } } }`,
      { id: (await upgradeOrder(db, customer, 'BANK_TRANSFER')).service.id }, { token: customer.token })).body.data.requestServiceChange.quote;
    const { body } = await api.gql(`mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: CARD }) { order { code paymentMethod } cardPayment { provider clientSecret publishableKey amountCents testMode } } }`, { id: quote.id }, { token: customer.token });
    expect(body.data.confirmQuote.cardPayment).toEqual({ provider: 'TEST', clientSecret: expect.stringMatching(/^test_pi_\w+_secret_\w+$/), publishableKey: null, amountCents: 3059, testMode: true });
  });

  it("a declined card leaves the order awaiting payment with our reason in the customer's language and emails them; a retry from Ordini pays it and keeps the declined attempt", async () => {
    const { code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    const declined = await api.gql(PAY_CARD, { secret: clientSecret, card: '4000 0000 0000 0002' }, { token: customer.token });
    expect(declined.body.data.payWithTestCard).toEqual({
      order: { status: 'AWAITING_PAYMENT', paymentFailureCode: 'generic_decline', paymentFailureReason: 'la carta è stata rifiutata dalla banca' },
      payment: { status: 'FAILED', failureCode: 'generic_decline', failureReason: 'la carta è stata rifiutata dalla banca', testMode: true }, userErrors: [],
    });
    const english = await api.gql(PAYMENTS, { code }, { token: customer.token, headers: { 'accept-language': 'en' } });
    expect(english.body.data.order.payments).toEqual([{ status: 'FAILED', failureCode: 'generic_decline', failureReason: 'the card was declined by the bank' }]);
    const mails = await db.getRepository(Notification).findBy({ accountId: customer.account.id, template: 'PAYMENT_FAILED' });
    expect(mails.map((m) => m.subject)).toEqual([`Pagamento non riuscito: ordine ${code}`]);
    expect(mails[0].bodyText).toContain('non è andato a buon fine: la carta è stata rifiutata dalla banca.');

    const retry = (await api.gql(PAY_ORDER, { code }, { token: customer.token })).body.data.payOrder;
    expect(retry).toMatchObject({ order: { code, status: 'AWAITING_PAYMENT' }, cardPayment: { provider: 'TEST', amountCents: 3059, testMode: true }, userErrors: [] });
    expect(retry.cardPayment.clientSecret).not.toBe(clientSecret);
    const paid = await api.gql(PAY_CARD, { secret: retry.cardPayment.clientSecret, card: '4242424242424242' }, { token: customer.token });
    expect(paid.body.data.payWithTestCard).toMatchObject({ order: { status: 'FULFILLED', paymentFailureCode: null, paymentFailureReason: null }, payment: { status: 'SUCCEEDED' } });

    const order = (await api.gql(`query($code: String!) { order(code: $code) { ${ORDER_FIELDS} } }`, { code }, { token: customer.token })).body.data.order;
    expect(order.payments.map((p: { status: string; failureReason: string | null }) => [p.status, p.failureReason])).toEqual([['FAILED', 'la carta è stata rifiutata dalla banca'], ['SUCCEEDED', null]]);
    expect(order.invoice).toMatchObject({ totalCents: 3059 });
    const again = await api.gql(PAY_CARD, { secret: retry.cardPayment.clientSecret, card: '4242424242424242' }, { token: customer.token });
    expect(again.body.data.payWithTestCard.payment.status).toBe('SUCCEEDED');
    expect((await db.query(`SELECT count(*)::int AS n FROM invoices WHERE order_id = (SELECT id FROM orders WHERE code = $1)`, [code]))[0].n).toBe(1);
  });

  it('keeps each attempt on one card session as its own payment: two declines for different reasons, then the success', async () => {
    const { code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    for (const card of ['4000000000009995', '4000000000009995', '4000000000000069', '4242424242424242']) {
      await api.gql(PAY_CARD, { secret: clientSecret, card }, { token: customer.token });
    }
    const { order } = (await api.gql(PAYMENTS, { code }, { token: customer.token })).body.data;
    expect(order).toEqual({
      status: 'FULFILLED',
      payments: [
        { status: 'FAILED', failureCode: 'insufficient_funds', failureReason: 'fondi insufficienti sulla carta' },
        { status: 'FAILED', failureCode: 'expired_card', failureReason: 'la carta è scaduta' },
        { status: 'SUCCEEDED', failureCode: null, failureReason: null },
      ],
    });
  });

  it('refuses to pay the card session of an order a newer one replaced, naming the new order, and records nothing', async () => {
    const { service, code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    const quote = await requestServiceChange(db, customer.actor, { serviceId: service.id, targetProductCode: 'PROFESSIONAL' });
    const newer = (await confirmQuote(db, customer.actor, { quoteId: quote.id, paymentMethod: 'BANK_TRANSFER' })).order!.code;

    const { body } = await api.gql(`mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) {
      order { code } payment { status } userErrors { field code message } } }`, { secret: clientSecret, card: '4242424242424242' }, { token: customer.token });
    expect(body.data.payWithTestCard).toEqual({
      order: null, payment: null,
      userErrors: [{ field: 'clientSecret', code: 'ORDER_NOT_PAYABLE', message: `order ${code} was replaced by order ${newer}: pay that one instead` }],
    });
    const order = await db.getRepository(Order).findOneByOrFail({ code });
    expect(await db.getRepository(Payment).find({ where: { orderId: order.id }, select: { status: true, failureCode: true } })).toEqual([{ status: 'PENDING', failureCode: null }]);
    expect(await db.getRepository(TestCardIntent).findOneByOrFail({ clientSecret: clientSecret! })).toMatchObject({ status: 'requires_payment_method', lastError: null });

    const again = await api.gql(`mutation($code: String!) { payOrder(input: { code: $code, paymentMethod: CARD }) { cardPayment { clientSecret } userErrors { code message } } }`, { code }, { token: customer.token });
    expect(again.body.data.payOrder).toEqual({ cardPayment: null, userErrors: [{ code: 'ORDER_NOT_PAYABLE', message: `order ${code} was replaced by order ${newer}: pay that one instead` }] });
    const shown = await api.gql(`query($code: String!) { order(code: $code) { status cancellationReason supersededByOrderCode } }`, { code }, { token: customer.token });
    expect(shown.body.data.order).toEqual({ status: 'CANCELLED', cancellationReason: 'SUPERSEDED', supersededByOrderCode: newer });
  });

  it("does not let another customer use someone's card session", async () => {
    const { clientSecret } = await upgradeOrder(db, customer, 'CARD');
    const stranger = await newAccount(db);
    const { body } = await api.gql(PAY_CARD, { secret: clientSecret, card: '4242424242424242' }, { token: stranger.token });
    expect(body.data.payWithTestCard.userErrors).toEqual([{ field: 'clientSecret', code: 'NOT_FOUND' }]);
  });
});

describe('refunds through the test processor (docs/product-rules.md, Refunds and credit notes)', () => {
  it('refunds a test card payment that was charged while the order got paid otherwise, records the refund on the intent, and never twice', async () => {
    const admin = await newAdmin(db);
    const { code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: 'CRO prima del pagamento con carta' });
    // The card form itself refuses a paid order's card; a charge that raced the offline payment is refunded.
    const PAID = `mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) { payment { id } userErrors { code } } }`;
    expect((await api.gql(PAID, { secret: clientSecret, card: '4242424242424242' }, { token: customer.token })).body.data.payWithTestCard).toEqual({ payment: null, userErrors: [{ code: 'ORDER_NOT_PAYABLE' }] });
    expect(await chargeTestCard(db, clientSecret!, '4242424242424242')).toMatchObject({ status: 'succeeded' });
    const intentId = clientSecret!.split('_secret_')[0];
    expect(await applyCardOutcome(db, intentId)).toBe('REFUNDED');

    const intent = await db.getRepository(TestCardIntent).findOneByOrFail({ clientSecret: clientSecret! });
    expect(intent.refundId).toMatch(/^test_re_[0-9a-f]{24}$/);
    const payment = await db.getRepository(Payment).findOneByOrFail({ provider: 'TEST', providerReference: intentId });
    expect(payment).toMatchObject({ status: 'REFUNDED', failureCode: 'order_not_payable', refundReference: intent.refundId });
    expect(payment.refundedAt).toBeInstanceOf(Date);

    expect(await applyCardOutcome(db, intentId)).toBe('REFUNDED');
    expect(await db.getRepository(TestCardIntent).findOneByOrFail({ id: intent.id })).toMatchObject({ refundId: intent.refundId, refundedAt: intent.refundedAt });
    expect(await db.getRepository(AuditEvent).countBy({ entityId: payment.id, action: 'payment.refunded' })).toBe(1);
    expect(await db.getRepository(Payment).countBy({ orderId: payment.orderId, status: 'SUCCEEDED' })).toBe(1);

    const trail = await api.gql(`query($id: String!) { auditTrail(filter: { entityId: $id }) { edges { node { action actorLabel after } } } }`, { id: payment.id }, { token: admin.token });
    expect(trail.body.data.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['payment.refunded', 'payment.refund_due']);
  });
});
