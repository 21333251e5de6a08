import type { DataSource } from 'typeorm';
import { AuditEvent, Notification, Order, Quote, Service } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let alice: AccountLogin;
let bob: AccountLogin;

const REQUEST = `mutation($serviceId: ID!, $code: String!) { requestServiceChange(input: { serviceId: $serviceId, targetProductCode: $code }) {
  quote { id totalCents supersedesOrderCode expiresAt } userErrors { field code message } } }`;
const CONFIRM = `mutation($quoteId: ID!, $method: PaymentMethod, $key: String) { confirmQuote(input: { quoteId: $quoteId, paymentMethod: $method, idempotencyKey: $key }) {
  order { code status kind totalCents paymentMethod lines { description amountCents } service { id } targetProduct { code } }
  cancellation { status effectiveOn reason } userErrors { field code message } } }`;
const CANCEL = `mutation($serviceId: ID!, $reason: CancellationReason!, $text: String) { cancelService(input: { serviceId: $serviceId, reason: $reason, reasonText: $text }) {
  quote { id kind totalCents effectiveOn deactivations { kind description domain } supersedesOrderCode } userErrors { field code message } } }`;
const RENEW = `mutation($serviceId: ID!) { renewService(input: { serviceId: $serviceId, paymentMethod: BANK_TRANSFER }) {
  order { code kind status totalCents } supersededOrder { code } userErrors { field code message } } }`;

async function quote(login: AccountLogin, serviceId: string, code = 'BUSINESS') {
  const { body } = await api.gql(REQUEST, { serviceId, code }, { token: login.token });
  return body.data.requestServiceChange;
}

async function confirm(login: AccountLogin, quoteId: string, method: string | null = 'BANK_TRANSFER', key?: string) {
  const { body } = await api.gql(CONFIRM, { quoteId, method, key }, { token: login.token });
  expect(body.errors).toBeUndefined();
  return body.data.confirmQuote;
}

const personal = (login: AccountLogin, domain?: string) =>
  newService(db, login.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01', ...(domain ? { domain } : {}) });

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  alice = await newAccount(db, { locale: 'en' });
  bob = await newAccount(db);
});

describe('confirming a change quote', () => {
  it('places an order HCS-YYYY-NNNNNN awaiting payment with the quoted lines and totals, and changes nothing else', async () => {
    const service = await personal(alice);
    const { quote: q } = await quote(alice, service.id);
    const { order, userErrors } = await confirm(alice, q.id);
    expect(userErrors).toEqual([]);
    expect(order).toMatchObject({
      code: expect.stringMatching(/^HCS-2026-\d{6}$/), status: 'AWAITING_PAYMENT', kind: 'UPGRADE', totalCents: 3059, paymentMethod: 'BANK_TRANSFER',
      lines: [{ amountCents: -2457 }, { amountCents: 4964 }], service: { id: service.id }, targetProduct: { code: 'BUSINESS' },
    });
    const after = await db.getRepository(Service).findOneByOrFail({ id: service.id });
    expect(after).toMatchObject({ productId: service.productId, expiresOn: '2027-01-01', recurringPriceCents: 4900, revision: service.revision });
  });

  it('needs a payment method for a change', async () => {
    const { quote: q } = await quote(alice, (await personal(alice)).id);
    expect((await confirm(alice, q.id, null)).userErrors).toEqual([{ field: 'paymentMethod', code: 'REQUIRED', message: expect.any(String) }]);
  });

  it('makes exactly one order out of 50 concurrent confirmations of one quote', async () => {
    const { quote: q } = await quote(alice, (await personal(alice)).id);
    const results = await Promise.all(Array.from({ length: 50 }, () => confirm(alice, q.id, 'CARD')));
    const codes = new Set(results.map((r) => r.order?.code));
    expect(codes.size).toBe(1);
    expect(results.every((r) => r.userErrors.length === 0)).toBe(true);
    expect(await db.getRepository(Order).countBy({ quoteId: q.id })).toBe(1);
  });

  it('returns the same order for the same idempotency key, and refuses the key on another quote', async () => {
    const { quote: first } = await quote(alice, (await personal(alice)).id);
    const a = await confirm(alice, first.id, 'CARD', 'key-1');
    const b = await confirm(alice, first.id, 'CARD', 'key-1');
    expect(b.order.code).toBe(a.order.code);
    const { quote: second } = await quote(alice, (await personal(alice)).id);
    expect((await confirm(alice, second.id, 'CARD', 'key-1')).userErrors).toEqual([{ field: 'idempotencyKey', code: 'IDEMPOTENCY_KEY_REUSED', message: expect.any(String) }]);
  });

  it('refuses an expired quote (QUOTE_EXPIRED) and leaves no order', async () => {
    const { quote: q } = await quote(alice, (await personal(alice)).id);
    expect(new Date(q.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    const expired = async () => (await api.gql('query($id: ID!) { quote(id: $id) { expired } }', { id: q.id }, { token: alice.token })).body.data.quote.expired;
    expect(await expired()).toBe(false);
    await db.getRepository(Quote).update(q.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(await expired()).toBe(true);
    expect((await confirm(alice, q.id)).userErrors).toEqual([{ field: 'quoteId', code: 'QUOTE_EXPIRED', message: expect.any(String) }]);
    expect(await db.getRepository(Order).countBy({ quoteId: q.id })).toBe(0);
  });

  it('refuses a quote whose service changed since (QUOTE_STALE)', async () => {
    const service = await personal(alice);
    const { quote: q } = await quote(alice, service.id);
    await db.query(`UPDATE services SET recurring_price_cents = 5000, revision = revision + 1 WHERE id = $1`, [service.id]);
    expect((await confirm(alice, q.id)).userErrors[0].code).toBe('QUOTE_STALE');

    const other = await personal(alice);
    const { quote: beforeRenewal } = await quote(alice, other.id);
    await api.gql(RENEW, { serviceId: other.id }, { token: alice.token });
    expect((await confirm(alice, beforeRenewal.id)).userErrors[0].code).toBe('QUOTE_STALE');
  });

  it("reports someone else's quote as not found, exactly like a missing one", async () => {
    const { quote: q } = await quote(alice, (await personal(alice)).id);
    const others = await confirm(bob, q.id);
    const missing = await confirm(bob, '00000000-0000-4000-8000-000000000000');
    expect(others).toEqual({ order: null, cancellation: null, userErrors: [{ field: 'quoteId', code: 'NOT_FOUND', message: 'no quote with this id' }] });
    expect(missing).toEqual(others);
    expect((await api.gql('query($id: ID!) { quote(id: $id) { id } }', { id: q.id }, { token: bob.token })).body.data.quote).toBeNull();
    expect((await api.gql('query($id: ID!) { quote(id: $id) { id } }', { id: q.id }, { token: alice.token })).body.data.quote).toEqual({ id: q.id });
  });

  it("does not price another account's service", async () => {
    const service = await personal(alice);
    expect((await quote(bob, service.id)).userErrors).toEqual([{ field: 'serviceId', code: 'NOT_FOUND', message: 'no service with this id' }]);
    expect((await quote(bob, 'nonsense')).userErrors[0].code).toBe('NOT_FOUND');
  });

  it('refuses the same product, an unknown product and a deactivated service', async () => {
    const service = await personal(alice);
    expect((await quote(alice, service.id, 'PERSONAL15')).userErrors[0]).toMatchObject({ field: 'targetProductCode', code: 'SAME_PRODUCT' });
    expect((await quote(alice, service.id, 'NOPE')).userErrors[0]).toMatchObject({ field: 'targetProductCode', code: 'NOT_FOUND' });
    await db.query(`UPDATE services SET status = 'DEACTIVATED', deactivated_on = '2026-06-01' WHERE id = $1`, [service.id]);
    expect((await quote(alice, service.id)).userErrors[0]).toMatchObject({ field: 'serviceId', code: 'SERVICE_INACTIVE' });
  });
});

describe('open orders', () => {
  it('lets a change quote say which unpaid order it supersedes, and cancels it on confirmation', async () => {
    const service = await personal(alice);
    const renewal = (await api.gql(RENEW, { serviceId: service.id }, { token: alice.token })).body.data.renewService;
    expect(renewal.order).toMatchObject({ kind: 'RENEWAL', status: 'AWAITING_PAYMENT', totalCents: 5978 });
    const { quote: q } = await quote(alice, service.id);
    expect(q.supersedesOrderCode).toBe(renewal.order.code);
    const { order } = await confirm(alice, q.id);
    const old = await db.getRepository(Order).findOneByOrFail({ code: renewal.order.code });
    expect(old).toMatchObject({ status: 'CANCELLED', cancellationReason: 'SUPERSEDED' });
    expect(await db.getRepository(Order).countBy({ serviceId: service.id, status: 'AWAITING_PAYMENT' })).toBe(1);
    const again = (await api.gql(RENEW, { serviceId: service.id }, { token: alice.token })).body.data.renewService;
    expect(again.supersededOrder.code).toBe(order.code);
  });

  it('tells the expiry a renewal would give, the one its order then carries (29 February → 28 February)', async () => {
    const service = await newService(db, alice.account, { productCode: 'HVPARK', termStartsOn: '2027-02-28', expiresOn: '2028-02-29' });
    const { body } = await api.gql('query($id: ID!) { service(id: $id) { expiresOn renewalExpiresOn } }', { id: service.id }, { token: alice.token });
    expect(body.data.service).toEqual({ expiresOn: '2028-02-29', renewalExpiresOn: '2029-02-28' });
    const { order } = (await api.gql(RENEW, { serviceId: service.id }, { token: alice.token })).body.data.renewService;
    expect(await db.getRepository(Order).findOneByOrFail({ code: order.code })).toMatchObject({ kind: 'RENEWAL', newExpiresOn: '2029-02-28' });
  });
});

describe('cancelling a service', () => {
  it('needs a reason from the list, and text for OTHER', async () => {
    const service = await personal(alice);
    const other = await api.gql(CANCEL, { serviceId: service.id, reason: 'OTHER', text: ' ' }, { token: alice.token });
    expect(other.body.data.cancelService.userErrors).toEqual([{ field: 'reasonText', code: 'REQUIRED', message: expect.any(String) }]);
    const long = await api.gql(CANCEL, { serviceId: service.id, reason: 'TOO_EXPENSIVE', text: 'x'.repeat(501) }, { token: alice.token });
    expect(long.body.data.cancelService.userErrors[0]).toMatchObject({ field: 'reasonText', code: 'TOO_LONG' });
    const bad = await api.gql(CANCEL, { serviceId: service.id, reason: 'BORED' }, { token: alice.token });
    expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('quotes €0 effective on the expiry day, records it with a confirmation email and a copy for support, blocks renewals until withdrawn', async () => {
    const service = await personal(alice, 'leaving.it');
    const { body } = await api.gql(CANCEL, { serviceId: service.id, reason: 'SWITCHING_PROVIDER', text: 'moving' }, { token: alice.token });
    const q = body.data.cancelService.quote;
    expect(q).toMatchObject({ kind: 'CANCELLATION', totalCents: 0, effectiveOn: '2027-01-01', deactivations: [{ kind: 'SERVICE', description: 'PERSONAL15 service for leaving.it', domain: 'leaving.it' }] });
    expect(await db.getRepository(Notification).countBy({ accountId: alice.account.id, template: 'CANCELLATION_CONFIRMED' })).toBe(0);

    const confirmed = await confirm(alice, q.id, null);
    expect(confirmed.cancellation).toEqual({ status: 'CONFIRMED', effectiveOn: '2027-01-01', reason: 'SWITCHING_PROVIDER' });
    const mails = await db.getRepository(Notification).find({ where: [{ template: 'CANCELLATION_CONFIRMED', accountId: alice.account.id }, { template: 'CANCELLATION_FORWARDED' }] });
    expect(mails.map((m) => [m.template, m.toEmail])).toEqual(expect.arrayContaining([['CANCELLATION_CONFIRMED', alice.account.email], ['CANCELLATION_FORWARDED', 'supporto@example.it']]));
    expect(mails.find((m) => m.template === 'CANCELLATION_CONFIRMED')!.subject).toBe('Cancellation confirmed: PERSONAL15 for leaving.it');

    const renew = (await api.gql(RENEW, { serviceId: service.id }, { token: alice.token })).body.data.renewService;
    expect(renew.userErrors).toEqual([{ field: 'serviceId', code: 'CANCELLATION_PENDING', message: 'the service has a confirmed cancellation: withdraw the cancellation first' }]);
    expect((await quote(alice, service.id)).userErrors[0].code).toBe('CANCELLATION_PENDING');

    const schedule = await api.gql('{ expirySchedule(first: 100) { edges { node { domain cancellation { status effectiveOn } } } } }', {}, { token: alice.token });
    expect(schedule.body.data.expirySchedule.edges.find((e: any) => e.node.domain === 'leaving.it').node.cancellation).toEqual({ status: 'CONFIRMED', effectiveOn: '2027-01-01' });

    const withdrawn = await api.gql('mutation($id: ID!) { withdrawCancellation(input: { serviceId: $id }) { cancellation { status withdrawnAt } service { product { code } cancellation { id } } userErrors { code } } }', { id: service.id }, { token: alice.token });
    expect(withdrawn.body.data.withdrawCancellation).toMatchObject({ cancellation: { status: 'WITHDRAWN', withdrawnAt: expect.any(String) }, service: { product: { code: 'PERSONAL15' }, cancellation: null }, userErrors: [] });
    expect((await api.gql(RENEW, { serviceId: service.id }, { token: alice.token })).body.data.renewService.userErrors).toEqual([]);
    const actions = (await db.getRepository(AuditEvent).findBy({ entityId: service.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['service.provisioned', 'cancellation.confirmed', 'cancellation.withdrawn']));
  });

  it("lists a reseller plan's client domains, and a second cancellation is refused", async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'rivendo.it' });
    const client = await newAccount(db, { name: 'Cliente Uno', resellerId: reseller.account.id });
    await newService(db, client.account, { productCode: 'HVPARK', domain: 'uno.it', parentServiceId: plan.id });
    const { body } = await api.gql(CANCEL, { serviceId: plan.id, reason: 'NO_LONGER_NEEDED' }, { token: reseller.token });
    expect(body.data.cancelService.quote.deactivations.map((d: any) => [d.kind, d.domain])).toEqual([['SERVICE', 'rivendo.it'], ['DOMAIN', 'uno.it']]);
    await confirm(reseller, body.data.cancelService.quote.id, null);
    const again = await api.gql(CANCEL, { serviceId: plan.id, reason: 'NO_LONGER_NEEDED' }, { token: reseller.token });
    expect(again.body.data.cancelService.userErrors[0].code).toBe('ALREADY_CANCELLED');
  });
});
