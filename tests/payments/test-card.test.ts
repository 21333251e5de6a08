import type { DataSource } from 'typeorm';
import { AuditEvent, Notification, Payment, TestCardIntent } from '@/entities';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin } from '../support/fixtures';
import { ORDER_FIELDS, upgradeOrder } from './support';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const PAY_CARD = `mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) {
  order { status paymentFailureReason } payment { status failureReason testMode } userErrors { field code } } }`;
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

  it('a declined card leaves the order awaiting payment with the reason and emails the customer; a retry from Ordini pays it', async () => {
    const { code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    const declined = await api.gql(PAY_CARD, { secret: clientSecret, card: '4000 0000 0000 0002' }, { token: customer.token });
    expect(declined.body.data.payWithTestCard).toEqual({
      order: { status: 'AWAITING_PAYMENT', paymentFailureReason: 'Your card was declined.' },
      payment: { status: 'FAILED', failureReason: 'Your card was declined.', testMode: true }, userErrors: [],
    });
    const mails = await db.getRepository(Notification).findBy({ accountId: customer.account.id, template: 'PAYMENT_FAILED' });
    expect(mails.map((m) => m.subject)).toEqual([`Pagamento non riuscito: ordine ${code}`]);

    const retry = (await api.gql(PAY_ORDER, { code }, { token: customer.token })).body.data.payOrder;
    expect(retry).toMatchObject({ order: { code, status: 'AWAITING_PAYMENT' }, cardPayment: { provider: 'TEST', amountCents: 3059, testMode: true }, userErrors: [] });
    const paid = await api.gql(PAY_CARD, { secret: retry.cardPayment.clientSecret, card: '4242424242424242' }, { token: customer.token });
    expect(paid.body.data.payWithTestCard).toMatchObject({ order: { status: 'FULFILLED', paymentFailureReason: null }, payment: { status: 'SUCCEEDED' } });

    const order = (await api.gql(`query($code: String!) { order(code: $code) { ${ORDER_FIELDS} } }`, { code }, { token: customer.token })).body.data.order;
    expect(order.payments.filter((p: { status: string }) => p.status === 'SUCCEEDED')).toHaveLength(1);
    expect(order.invoice).toMatchObject({ totalCents: 3059 });
    const again = await api.gql(PAY_CARD, { secret: retry.cardPayment.clientSecret, card: '4242424242424242' }, { token: customer.token });
    expect(again.body.data.payWithTestCard.payment.status).toBe('SUCCEEDED');
    expect((await db.query(`SELECT count(*)::int AS n FROM invoices WHERE order_id = (SELECT id FROM orders WHERE code = $1)`, [code]))[0].n).toBe(1);
  });

  it("does not let another customer use someone's card session", async () => {
    const { clientSecret } = await upgradeOrder(db, customer, 'CARD');
    const stranger = await newAccount(db);
    const { body } = await api.gql(PAY_CARD, { secret: clientSecret, card: '4242424242424242' }, { token: stranger.token });
    expect(body.data.payWithTestCard.userErrors).toEqual([{ field: 'clientSecret', code: 'NOT_FOUND' }]);
  });
});

describe('refunds through the test processor (docs/product-rules.md, Refunds and credit notes)', () => {
  it('refunds a test card payment for an order already paid, records the refund on the intent, and never twice', async () => {
    const admin = await newAdmin(db);
    const { code, clientSecret } = await upgradeOrder(db, customer, 'CARD');
    await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: 'CRO prima del pagamento con carta' });
    const PAID = `mutation($secret: String!, $card: String!) { payWithTestCard(input: { clientSecret: $secret, cardNumber: $card }) {
      order { status } payment { id status refundedAt refundReference testMode } userErrors { code } } }`;

    const paid = (await api.gql(PAID, { secret: clientSecret, card: '4242424242424242' }, { token: customer.token })).body.data.payWithTestCard;
    const intent = await db.getRepository(TestCardIntent).findOneByOrFail({ clientSecret: clientSecret! });
    expect(intent.refundId).toMatch(/^test_re_[0-9a-f]{24}$/);
    expect(paid).toEqual({
      order: { status: 'FULFILLED' }, userErrors: [],
      payment: { id: expect.any(String), status: 'REFUNDED', refundedAt: expect.any(String), refundReference: intent.refundId, testMode: true },
    });

    const again = (await api.gql(PAID, { secret: clientSecret, card: '4242424242424242' }, { token: customer.token })).body.data.payWithTestCard;
    expect(again.payment).toEqual(paid.payment);
    expect(await db.getRepository(TestCardIntent).findOneByOrFail({ id: intent.id })).toMatchObject({ refundId: intent.refundId, refundedAt: intent.refundedAt });
    expect(await db.getRepository(AuditEvent).countBy({ entityId: paid.payment.id, action: 'payment.refunded' })).toBe(1);
    expect(await db.getRepository(Payment).countBy({ orderId: (await db.getRepository(Payment).findOneByOrFail({ id: paid.payment.id })).orderId, status: 'SUCCEEDED' })).toBe(1);

    const trail = await api.gql(`query($id: String!) { auditTrail(filter: { entityId: $id }) { edges { node { action actorLabel after } } } }`, { id: paid.payment.id }, { token: admin.token });
    expect(trail.body.data.auditTrail.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['payment.refunded', 'payment.refund_due']);
  });
});
