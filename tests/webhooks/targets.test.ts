import type { DataSource } from 'typeorm';
import { WebhookAttempt, WebhookDelivery } from '@/entities';
import { isPublicAddress } from '@/lib/webhooks/public-address';
import { deliverWebhooks } from '@/operations/webhooks/deliver-webhooks';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAccountLogin, type AccountLogin } from '../support/fixtures';
import { upgradeOrder } from '../payments/support';
import { useReceiver } from './receiver';

// docs/api.md, Webhooks: private, loopback, link-local and other non-public targets are refused, at creation and at delivery.
const database = useTestDatabase();
const api = useGraphQLServer();
const receiver = useReceiver();
let db: DataSource;
let customer: AccountLogin;

const CREATE = `mutation($url: String!, $events: [String!]!) { createWebhookEndpoint(input: { url: $url, events: $events }) {
  webhookEndpoint { id } secret userErrors { field code message } } }`;

const create = async (url: string, events = ['order.created'], login = customer) => (await api.gql(CREATE, { url, events }, { token: login.token })).body;

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db);
});

afterEach(() => {
  delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
});

describe('public addresses', () => {
  it.each([
    ['10.1.2.3'], ['172.16.0.1'], ['192.168.1.1'], ['127.0.0.1'], ['0.0.0.0'], ['169.254.169.254'], ['100.64.0.1'], ['224.0.0.1'],
    ['::1'], ['fe80::1'], ['fd12:3456::1'], ['ff02::1'], ['::ffff:10.0.0.1'], ['::ffff:127.0.0.1'],
  ])('%s is not one', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([['8.8.8.8'], ['93.184.216.34'], ['2a00:1450:4001:80b::200e'], ['::ffff:8.8.8.8']])('%s is one', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('at creation', () => {
  it.each([
    ['https://127.0.0.1/hook', '127.0.0.1'], ['https://10.0.0.5/hook', '10.0.0.5'], ['https://[::1]:8443/hook', '::1'], ['https://169.254.169.254/latest', '169.254.169.254'],
    ['https://100.64.0.1/hook', '100.64.0.1'], ['https://[fd00::1]/hook', 'fd00::1'], ['https://localhost/hook', /127\.0\.0\.1|::1/],
  ])('refuses %s on url', async (url, address: string | RegExp) => {
    const body = await create(url);
    const message = typeof address === 'string' ? expect.stringContaining(address) : expect.stringMatching(address);
    expect(body.data.createWebhookEndpoint).toEqual({ webhookEndpoint: null, secret: null, userErrors: [{ field: 'url', code: 'ADDRESS_NOT_ALLOWED', message }] });
  });

  it('refuses plain http, a malformed address, no events and an unknown event, each on its field', async () => {
    expect((await create('http://93.184.216.34/hook')).data.createWebhookEndpoint.userErrors).toEqual([{ field: 'url', code: 'INVALID', message: 'url must use https' }]);
    expect((await create('not a url', [])).data.createWebhookEndpoint.userErrors).toEqual([
      { field: 'url', code: 'INVALID', message: expect.any(String) },
      { field: 'events', code: 'REQUIRED', message: expect.any(String) },
    ]);
    expect((await create('https://93.184.216.34/hook', ['order.paid', 'order.shipped'])).data.createWebhookEndpoint.userErrors).toEqual([
      { field: 'events', code: 'INVALID', message: expect.stringContaining('order.paid') },
    ]);
  });

  it('takes a public https address', async () => {
    const body = await create('https://93.184.216.34/hook', ['order.paid', 'order.paid', 'invoice.issued']);
    expect(body.data.createWebhookEndpoint.userErrors).toEqual([]);
    const listed = await api.gql('{ webhookEndpoints { id url events } }', {}, { token: customer.token });
    expect(listed.body.data.webhookEndpoints).toContainEqual({ id: body.data.createWebhookEndpoint.webhookEndpoint.id, url: 'https://93.184.216.34/hook', events: ['order.paid', 'invoice.issued'] });
  });

  it("is the account owner's: another role is refused", async () => {
    const billing = await newAccountLogin(db, customer.account, 'BILLING');
    const body = await create('https://93.184.216.34/hook', ['order.paid'], billing);
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('at delivery', () => {
  it.each([['127.0.0.1'], ['localhost']])('refuses an endpoint on %s once private targets are no longer allowed, and sends nothing', async (host) => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS = 'true';
    const created = await create(receiver.url(`/private-${host}`, host));
    expect(created.data.createWebhookEndpoint.userErrors).toEqual([]);
    const endpointId = created.data.createWebhookEndpoint.webhookEndpoint.id;
    await upgradeOrder(db, customer, 'BANK_TRANSFER');
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_TARGETS;
    await deliverWebhooks(db);
    expect(receiver.at(`/private-${host}`)).toEqual([]);
    const delivery = await db.getRepository(WebhookDelivery).findOneByOrFail({ endpointId });
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(await db.getRepository(WebhookAttempt).findBy({ deliveryId: delivery.id })).toEqual([
      expect.objectContaining({ statusCode: null, responseExcerpt: null, error: expect.stringMatching(/not a public address/) }),
    ]);
  });
});
