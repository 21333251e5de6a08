import type { DataSource } from 'typeorm';
import { Service } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let customer: AccountLogin;

const PRODUCT = 'product { code name priceCents changeFeeCents active category { code } features { webSpaceGb databases mailboxes additionalDomains pecMailboxes server } }';
const UPDATE = `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { ${PRODUCT} userErrors { field code message } } }`;
const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { ${PRODUCT} userErrors { field code message } } }`;

async function mutate(query: string, input: Record<string, unknown>, login: { token: string } = admin) {
  const { body } = await api.gql(query, { input }, { token: login.token });
  expect(body.errors).toBeUndefined();
  return Object.values(body.data as Record<string, any>)[0];
}

const catalogCodes = async () => (await api.gql('{ catalog { products { code } } }')).body.data.catalog.products.map((p: { code: string }) => p.code);

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-11-15';
  db = await database.db();
  admin = await newAdmin(db);
  customer = await newAccount(db);
});

describe('catalog management', () => {
  it('applies a new price to new quotes and renewals; existing services keep theirs until renewed', async () => {
    const business = await newService(db, customer.account, { productCode: 'BUSINESS', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const personal = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const { product, userErrors } = await mutate(UPDATE, { code: 'BUSINESS', priceCents: 10900 });
    expect(userErrors).toEqual([]);
    expect(product).toMatchObject({ code: 'BUSINESS', priceCents: 10900 });

    expect((await db.getRepository(Service).findOneByOrFail({ id: business.id })).recurringPriceCents).toBe(9900);
    const schedule = await api.gql('{ services { edges { node { product { code } recurringPriceCents renewalPriceCents } } } }', {}, { token: customer.token });
    expect(schedule.body.data.services.edges.map((e: any) => e.node)).toContainEqual({ product: { code: 'BUSINESS' }, recurringPriceCents: 9900, renewalPriceCents: 10900 });

    const renewal = await api.gql('mutation($id: ID!) { renewService(input: { serviceId: $id, paymentMethod: BANK_TRANSFER }) { order { netCents } } }', { id: business.id }, { token: customer.token });
    expect(renewal.body.data.renewService.order.netCents).toBe(10900);
    // 48 days before expiry: an upgrade is priced at the target's full list price (docs/product-rules.md, Changing a service, example 2)
    const quote = await api.gql('mutation($id: ID!) { requestServiceChange(input: { serviceId: $id, targetProductCode: "BUSINESS" }) { quote { netCents } } }', { id: personal.id }, { token: customer.token });
    expect(quote.body.data.requestServiceChange.quote.netCents).toBe(10900);
  });

  it('changes features and the change fee, leaving out what is not given, and writes before → after to the audit trail', async () => {
    const { product } = await mutate(UPDATE, { code: 'pec-std', changeFeeCents: 1000, features: { pecMailboxes: 3 } });
    expect(product).toMatchObject({ changeFeeCents: 1000, priceCents: 900, features: { pecMailboxes: 3, webSpaceGb: 0, server: false } });
    const { body } = await api.gql(`{ auditTrail(first: 1, filter: { action: "product.updated" }) { edges { node { actorLabel entityType before after } } } }`, {}, { token: admin.token });
    expect(body.data.auditTrail.edges[0].node).toEqual({ actorLabel: admin.user.email, entityType: 'Product', before: { changeFeeCents: 2000, pecMailboxes: 1 }, after: { changeFeeCents: 1000, pecMailboxes: 3 } });
  });

  it('creates a product, sold at once, and withdraws it from sale', async () => {
    const created = await mutate(CREATE, { code: 'vps-l', categoryCode: 'VPS', name: 'VPS L', priceCents: 96000, features: { server: true } });
    expect(created).toEqual({
      product: { code: 'VPS-L', name: 'VPS L', priceCents: 96000, changeFeeCents: 2000, active: true, category: { code: 'VPS' }, features: { webSpaceGb: 0, databases: 0, mailboxes: 0, additionalDomains: 0, pecMailboxes: 0, server: true } },
      userErrors: [],
    });
    expect((await catalogCodes()).at(-1)).toBe('VPS-L');
    expect((await mutate(UPDATE, { code: 'VPS-L', active: false })).product.active).toBe(false);
    expect(await catalogCodes()).not.toContain('VPS-L');
  });

  it('names the fields at fault', async () => {
    const bad = await mutate(UPDATE, { code: 'HVPARK', name: '', priceCents: -5, features: { databases: -1 } });
    expect(bad.userErrors.map((e: { field: string }) => e.field)).toEqual(['name', 'priceCents', 'features.databases']);
    expect((await mutate(UPDATE, { code: 'NOPE', priceCents: 1 })).userErrors).toEqual([{ field: 'code', code: 'NOT_FOUND', message: 'no product with this code' }]);
    expect((await mutate(CREATE, { code: 'HVPARK', categoryCode: 'DOMAIN', name: 'Doppio', priceCents: 1 })).userErrors).toEqual([{ field: 'code', code: 'CODE_TAKEN', message: expect.any(String) }]);
    expect((await mutate(CREATE, { code: 'X Y', categoryCode: 'NOPE', name: 'n', priceCents: 1 })).userErrors.map((e: { field: string }) => e.field)).toEqual(['code']);
    expect((await mutate(CREATE, { code: 'NEW-1', categoryCode: 'NOPE', name: 'n', priceCents: 1 })).userErrors).toEqual([{ field: 'categoryCode', code: 'NOT_FOUND', message: expect.any(String) }]);
  });

  it('is for the back office only', async () => {
    const { body } = await api.gql(UPDATE, { input: { code: 'HVPARK', priceCents: 1 } }, { token: customer.token });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('two admins creating the same product at once', () => {
  it('creates it once and tells the other the code is taken', async () => {
    const input = { code: 'RACE-1', categoryCode: 'HOSTING', name: 'Race', priceCents: 1000 };
    const results = await Promise.all(Array.from({ length: 6 }, () => mutate(CREATE, input)));
    expect(results.filter((r) => r.product).length).toBe(1);
    expect(results.filter((r) => !r.product).map((r) => r.userErrors[0].code)).toEqual(Array(5).fill('CODE_TAKEN'));
  });
});
