import type { DataSource } from 'typeorm';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const REQUEST = `mutation($serviceId: ID!, $code: String!) {
  requestServiceChange(input: { serviceId: $serviceId, targetProductCode: $code }) {
    quote { kind direction nearExpiry freeDays netCents vatCents totalCents newExpiresOn effectiveOn renewalPriceCents renewalDueOnExpiry
      lines { kind amountCents } deactivations { kind description domain } targetProduct { code } service { id } }
    userErrors { field code message }
  }
}`;

async function quoteOn(today: string, serviceId: string, code: string) {
  process.env.PORTAL_TODAY = today;
  const { body } = await api.gql(REQUEST, { serviceId, code }, { token: customer.token });
  expect(body.errors).toBeUndefined();
  expect(body.data.requestServiceChange.userErrors).toEqual([]);
  return body.data.requestServiceChange.quote;
}

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { locale: 'en' });
});

describe('the worked examples of docs/product-rules.md (Changing a service), through GraphQL', () => {
  it('1. PERSONAL15 → BUSINESS on 2026-07-02: credit −24.57, new plan +49.64, total 30.59, expiry unchanged', async () => {
    const service = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const quote = await quoteOn('2026-07-02', service.id, 'BUSINESS');
    expect(quote).toMatchObject({
      kind: 'SERVICE_CHANGE', direction: 'UPGRADE', nearExpiry: false, freeDays: 0,
      lines: [{ kind: 'CREDIT', amountCents: -2457 }, { kind: 'NEW_PLAN', amountCents: 4964 }],
      netCents: 2507, vatCents: 552, totalCents: 3059, newExpiresOn: '2027-01-01', effectiveOn: '2026-07-02',
      targetProduct: { code: 'BUSINESS' }, service: { id: service.id }, deactivations: [],
    });
  });

  it('2. the same on 2026-11-15 (47 days left): BUSINESS at list price, total 120.78, new expiry 2028-01-01', async () => {
    const service = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    expect(await quoteOn('2026-11-15', service.id, 'BUSINESS')).toMatchObject({
      direction: 'UPGRADE', nearExpiry: true, freeDays: 47, lines: [{ kind: 'NEW_PLAN_FULL_YEAR', amountCents: 9900 }],
      netCents: 9900, vatCents: 2178, totalCents: 12078, newExpiresOn: '2028-01-01',
    });
    expect(await quoteOn('2026-11-02', service.id, 'BUSINESS')).toMatchObject({ nearExpiry: true, totalCents: 12078, newExpiresOn: '2028-01-01' });
    const prorated = await quoteOn('2026-11-01', service.id, 'BUSINESS');
    expect(prorated).toMatchObject({ nearExpiry: false, newExpiresOn: '2027-01-01', lines: [{ kind: 'CREDIT', amountCents: -819 }, { kind: 'NEW_PLAN', amountCents: 1655 }], netCents: 836 });
  });

  it('3. BUSINESS → HVPARK on 2026-07-02: the change fee, total 24.40, lists what is lost, renews at 15.00', async () => {
    const service = await newService(db, customer.account, { productCode: 'BUSINESS', domain: 'shop.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    expect(await quoteOn('2026-07-02', service.id, 'HVPARK')).toEqual(expect.objectContaining({
      direction: 'DOWNGRADE', lines: [{ kind: 'CHANGE_FEE', amountCents: 2000 }], netCents: 2000, vatCents: 440, totalCents: 2440,
      newExpiresOn: '2027-01-01', renewalPriceCents: 1500, renewalDueOnExpiry: false,
      deactivations: [
        { kind: 'FEATURE', description: '5 GB web space', domain: 'shop.it' },
        { kind: 'FEATURE', description: '5 databases', domain: 'shop.it' },
        { kind: 'FEATURE', description: '25 mailboxes', domain: 'shop.it' },
      ],
    }));
    expect(await quoteOn('2026-11-15', service.id, 'HVPARK')).toMatchObject({ renewalPriceCents: 1500, renewalDueOnExpiry: true, totalCents: 2440 });
  });

  it("4. EASY with three clients' additional domains → BUSINESS: a downgrade listing the three domains", async () => {
    const reseller = await newAccount(db, { kind: 'RESELLER', locale: 'en' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'agency.it', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    for (const [name, domain] of [['Alfa', 'alfa.it'], ['Beta', 'beta.it'], ['Gamma', 'gamma.it']]) {
      const client = await newAccount(db, { name, resellerId: reseller.account.id });
      await newService(db, client.account, { productCode: 'HVPARK', domain, parentServiceId: plan.id, termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    }
    process.env.PORTAL_TODAY = '2026-07-02';
    const { body } = await api.gql(REQUEST, { serviceId: plan.id, code: 'BUSINESS' }, { token: reseller.token });
    const quote = body.data.requestServiceChange.quote;
    expect(quote.direction).toBe('DOWNGRADE');
    expect(quote.totalCents).toBe(2440);
    expect(quote.deactivations.filter((d: { kind: string }) => d.kind === 'DOMAIN')).toEqual([
      { kind: 'DOMAIN', description: 'Additional domain alfa.it of client Alfa', domain: 'alfa.it' },
      { kind: 'DOMAIN', description: 'Additional domain beta.it of client Beta', domain: 'beta.it' },
      { kind: 'DOMAIN', description: 'Additional domain gamma.it of client Gamma', domain: 'gamma.it' },
    ]);
  });
});
