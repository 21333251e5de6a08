import type { DataSource } from 'typeorm';
import { AuditEvent, Order, Payment } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { COMPLETE_BILLING, newAccount, newService, type AccountLogin } from '../support/fixtures';

// docs/product-rules.md, "Billing data": a payment cannot start while the e-invoice lacks data.
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let reseller: AccountLogin;
let client: AccountLogin;

const USER_ERRORS = 'userErrors { field code message }';
const UPDATE = `mutation($id: ID, $billing: BillingDetailsInput!) { updateBillingDetails(input: { accountId: $id, billing: $billing }) { ${USER_ERRORS} } }`;
const RENEW = `mutation($id: ID!, $method: PaymentMethod!) { renewService(input: { serviceId: $id, paymentMethod: $method }) { order { code } cardPayment { clientSecret } ${USER_ERRORS} } }`;
const PAY = `mutation($code: String!, $method: PaymentMethod!) { payOrder(input: { code: $code, paymentMethod: $method }) { order { code } cardPayment { clientSecret } ${USER_ERRORS} } }`;
const QUOTE = `mutation($id: ID!) { requestServiceChange(input: { serviceId: $id, targetProductCode: "BUSINESS" }) { quote { id totalCents } ${USER_ERRORS} } }`;
const CONFIRM = `mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: CARD }) { order { code } cardPayment { clientSecret } ${USER_ERRORS} } }`;

/** An Italian consumer who gave a name and a city only. */
const SKETCHY = { kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', country: 'IT', city: 'Roma' };
const COMPLETE = { ...SKETCHY, ...COMPLETE_BILLING };

async function mutate(query: string, variables: Record<string, unknown>, login: AccountLogin = customer) {
  const { body } = await api.gql(query, variables, { token: login.token });
  expect(body.errors).toBeUndefined();
  return Object.values(body.data)[0] as any;
}

const hosting = (login: AccountLogin) => newService(db, login.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
const refusalOf = (fields: string[]) => fields.map((field) => ({
  field: `billing.${field}`, code: 'BILLING_INCOMPLETE', message: expect.stringContaining(`(${fields.join(', ')})`),
}));
const MISSING = ['address', 'postalCode', 'province', 'fiscalCode'];

async function counts() {
  return {
    orders: await db.getRepository(Order).count(), payments: await db.getRepository(Payment).count(),
    audit: await db.getRepository(AuditEvent).count(), confirmedQuotes: (await db.query(`SELECT count(*)::int AS n FROM quotes WHERE confirmed_at IS NOT NULL`))[0].n,
  };
}

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  customer = await newAccount(db);
  reseller = await newAccount(db, { kind: 'RESELLER' });
  client = await newAccount(db, { resellerId: reseller.account.id });
});

describe('BILLING_INCOMPLETE', () => {
  it('refuses renewing, with each missing field named, and writes nothing', async () => {
    const service = await hosting(customer);
    expect(await mutate(UPDATE, { billing: SKETCHY })).toEqual({ userErrors: [] });
    const before = await counts();
    for (const method of ['CARD', 'BANK_TRANSFER', 'POSTAL_SLIP']) {
      expect(await mutate(RENEW, { id: service.id, method })).toEqual({ order: null, cardPayment: null, userErrors: refusalOf(MISSING) });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses paying an open order by card, bank transfer or postal slip, leaving the order as it was', async () => {
    await mutate(UPDATE, { billing: COMPLETE });
    const { order } = await mutate(RENEW, { id: (await hosting(customer)).id, method: 'BANK_TRANSFER' });
    await mutate(UPDATE, { billing: SKETCHY });
    const before = await counts();
    for (const method of ['CARD', 'BANK_TRANSFER', 'POSTAL_SLIP']) {
      expect(await mutate(PAY, { code: order.code, method })).toEqual({ order: null, cardPayment: null, userErrors: refusalOf(MISSING) });
    }
    expect(await counts()).toEqual(before);
    expect((await db.getRepository(Order).findOneByOrFail({ code: order.code })).paymentMethod).toBe('BANK_TRANSFER');

    await mutate(UPDATE, { billing: COMPLETE });
    const paying = await mutate(PAY, { code: order.code, method: 'CARD' });
    expect(paying).toMatchObject({ order: { code: order.code }, cardPayment: { clientSecret: expect.any(String) }, userErrors: [] });
  });

  it('refuses confirming a quote with something to pay, and lets the same quote through once the data is complete', async () => {
    await mutate(UPDATE, { billing: { ...COMPLETE, address: null, province: null } });
    const { quote } = await mutate(QUOTE, { id: (await hosting(customer)).id });
    expect(quote.totalCents).toBeGreaterThan(0);
    const before = await counts();
    expect(await mutate(CONFIRM, { id: quote.id })).toEqual({ order: null, cardPayment: null, userErrors: refusalOf(['address', 'province']) });
    expect(await counts()).toEqual(before);
    await mutate(UPDATE, { billing: COMPLETE });
    expect(await mutate(CONFIRM, { id: quote.id })).toMatchObject({ order: { code: expect.stringMatching(/^HCS-/) }, cardPayment: { clientSecret: expect.any(String) }, userErrors: [] });
  });

  it("asks for the client's data when a reseller pays for its client, and for a company's VAT number", async () => {
    await mutate(UPDATE, { id: client.account.id, billing: { kind: 'COMPANY', companyName: 'Cliente S.r.l.', country: 'IT', address: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM' } }, reseller);
    expect(await mutate(RENEW, { id: (await hosting(client)).id, method: 'BANK_TRANSFER' }, reseller)).toMatchObject({ order: null, userErrors: refusalOf(['vatNumber']) });
    expect(await mutate(RENEW, { id: (await newService(db, reseller.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' })).id, method: 'BANK_TRANSFER' }, reseller))
      .toMatchObject({ order: { code: expect.any(String) }, userErrors: [] });
  });

  it('asks a person whose account kept only one name for the last name', async () => {
    await db.query(`UPDATE accounts SET last_name = NULL WHERE id = $1`, [customer.account.id]);
    expect(await mutate(RENEW, { id: (await hosting(customer)).id, method: 'POSTAL_SLIP' })).toMatchObject({ order: null, userErrors: refusalOf(['lastName']) });
  });
});
