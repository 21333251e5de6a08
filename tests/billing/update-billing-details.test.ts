import type { DataSource } from 'typeorm';
import { Account, AuditEvent } from '@/entities';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, type AccountLogin, type Login } from '../support/fixtures';

// docs/product-rules.md, "Billing data".
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;
let reseller: AccountLogin;
let client: AccountLogin;
let admin: Login;

const UPDATE = `mutation($input: UpdateBillingDetailsInput!) { updateBillingDetails(input: $input) {
  account { id name taxProfile billing { kind name companyName firstName lastName country addressLine postalCode city province fiscalCode vatNumber recipientCode pecEmail } }
  userErrors { field code message } } }`;

const PERSON = {
  kind: 'PERSON', firstName: ' Giulia ', lastName: 'De  Santis', country: 'it', address: 'Via Nazionale 12', postalCode: '00184',
  city: 'Roma', province: 'rm', fiscalCode: 'rssmra80a01h501u', sdiCode: '0000000', pec: 'Giulia@PEC.example.it',
};
const COMPANY = {
  kind: 'COMPANY', companyName: 'Santis Hosting S.r.l.', country: 'IT', address: 'Via Torino 10', postalCode: '20123', city: 'Milano',
  province: 'MI', vatNumber: 'IT 01234567897', sdiCode: 'm5uxcr1',
};

async function update(caller: Caller, billing: Record<string, unknown>, accountId?: string) {
  const { body } = await api.gql(UPDATE, { input: { billing, ...(accountId ? { accountId } : {}) } }, caller);
  expect(body.errors).toBeUndefined();
  return body.data.updateBillingDetails;
}

const columnsOf = (id: string) => db.getRepository(Account).findOneByOrFail({ id });

beforeAll(async () => {
  db = await database.db();
  customer = await newAccount(db, { name: 'Mario Rossi' });
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Agenzia Web' });
  client = await newAccount(db, { name: 'Cliente Uno', resellerId: reseller.account.id });
  admin = await newAdmin(db);
});

describe('updateBillingDetails', () => {
  it("saves a person's data normalised, with the display name from the names, and records before and after", async () => {
    const { account, userErrors } = await update({ token: customer.token }, PERSON);
    expect(userErrors).toEqual([]);
    expect(account).toEqual({
      id: customer.account.id, name: 'Giulia De Santis', taxProfile: 'IT_CONSUMER',
      billing: {
        kind: 'PERSON', name: 'Giulia De Santis', companyName: null, firstName: 'Giulia', lastName: 'De Santis', country: 'IT', addressLine: 'Via Nazionale 12',
        postalCode: '00184', city: 'Roma', province: 'RM', fiscalCode: 'RSSMRA80A01H501U', vatNumber: null, recipientCode: null, pecEmail: 'giulia@pec.example.it',
      },
    });
    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ entityId: customer.account.id, action: 'account.billing_updated' });
    expect(audit).toMatchObject({
      actorUserId: customer.user.id, accountId: customer.account.id,
      before: { kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', address: 'Via Roma 1' },
      after: { kind: 'PERSON', firstName: 'Giulia', lastName: 'De Santis', address: 'Via Nazionale 12', pec: 'giulia@pec.example.it' },
    });
  });

  it('makes a company of it, its VAT number bare, taxed as an Italian business', async () => {
    const { account, userErrors } = await update({ token: customer.token }, COMPANY);
    expect(userErrors).toEqual([]);
    expect(account).toMatchObject({
      name: 'Santis Hosting S.r.l.', taxProfile: 'IT_BUSINESS',
      billing: { kind: 'COMPANY', companyName: 'Santis Hosting S.r.l.', firstName: null, lastName: null, vatNumber: '01234567897', recipientCode: 'M5UXCR1' },
    });
  });

  it('tells an EU business from one outside the EU and from a consumer abroad', async () => {
    const abroad = { kind: 'COMPANY', companyName: 'Beispiel GmbH', country: 'DE', address: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin' };
    expect((await update({ token: customer.token }, { ...abroad, vatNumber: 'DE 123 456 789' })).account).toMatchObject({ taxProfile: 'EU_BUSINESS', billing: { vatNumber: '123456789', country: 'DE' } });
    expect((await update({ token: customer.token }, { ...abroad, country: 'CH', vatNumber: 'CHE-123.456.789' })).account.taxProfile).toBe('NON_EU_BUSINESS');
    expect((await update({ token: customer.token }, { kind: 'PERSON', firstName: 'Jane', lastName: 'Doe', country: 'US', address: '1 Main St', city: 'Boston' })).account.taxProfile).toBe('FOREIGN_CONSUMER');
  });

  it('names every wrong field, each with its own code, and saves nothing', async () => {
    await update({ token: customer.token }, PERSON);
    const before = await columnsOf(customer.account.id);
    const { account, userErrors } = await update({ token: customer.token }, {
      ...PERSON, firstName: 'x'.repeat(61), fiscalCode: 'RSSMRA80A01H501V', postalCode: '1234', province: 'XX', vatNumber: '01234567890', sdiCode: 'ABC', pec: 'not a pec',
    });
    expect(account).toBeNull();
    expect(userErrors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['billing.firstName', 'TOO_LONG'], ['billing.postalCode', 'INVALID'], ['billing.province', 'INVALID'], ['billing.fiscalCode', 'INVALID_CHECK_DIGIT'],
      ['billing.vatNumber', 'INVALID_CHECK_DIGIT'], ['billing.sdiCode', 'INVALID'], ['billing.pec', 'INVALID'],
    ]);
    expect(userErrors.every((e: { message: string }) => e.message.length > 10)).toBe(true);
    expect(await columnsOf(customer.account.id)).toEqual(before);
  });

  it('requires a kind, the names and a country', async () => {
    expect((await update({ token: customer.token }, {})).userErrors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['billing.kind', 'REQUIRED'], ['billing.country', 'REQUIRED']]);
    expect((await update({ token: customer.token }, { kind: 'PERSON', country: 'IT' })).userErrors.map((e: { field: string }) => e.field)).toEqual(['billing.firstName', 'billing.lastName']);
    expect((await update({ token: customer.token }, { kind: 'COMPANY', country: 'IT' })).userErrors.map((e: { field: string }) => e.field)).toEqual(['billing.companyName']);
  });

  it("lets a reseller change its client's data, and no one else's", async () => {
    expect((await update({ token: reseller.token }, COMPANY, client.account.id)).account).toMatchObject({ id: client.account.id, name: 'Santis Hosting S.r.l.' });
    const other = await newAccount(db);
    const refused = await update({ token: reseller.token }, COMPANY, other.account.id);
    expect(refused).toEqual({ account: null, userErrors: [{ field: 'accountId', code: 'NOT_FOUND', message: expect.any(String) }] });
    expect(await update({ token: reseller.token }, COMPANY, '0b7e6f1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b')).toEqual(refused);
    expect(await update({ token: client.token }, COMPANY, reseller.account.id)).toEqual(refused);
    expect((await columnsOf(other.account.id)).billingKind).toBe('PERSON');
  });

  it('lets the back office change anyone, naming the account', async () => {
    const other = await newAccount(db);
    expect((await update({ token: admin.token }, PERSON, other.account.id)).account).toMatchObject({ id: other.account.id, name: 'Giulia De Santis' });
    expect((await update({ token: admin.token }, PERSON)).userErrors).toEqual([{ field: 'accountId', code: 'REQUIRED', message: expect.any(String) }]);
  });

  it('refuses anyone not signed in', async () => {
    const { body } = await api.gql(UPDATE, { input: { billing: PERSON } });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe("createAccount's billing data", () => {
  const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
    account { name taxProfile billing { kind companyName firstName lastName addressLine recipientCode pecEmail fiscalCode } } userErrors { field code } } }`;
  const create = async (input: Record<string, unknown>) => {
    const { body } = await api.gql(CREATE, { input: { email: `n-${Math.random().toString(36).slice(2)}@example.test`, password: 'una password lunga', kind: 'CUSTOMER', ...input } }, { token: admin.token });
    return body.data.createAccount;
  };

  it('takes the fields by their names and by the names first published', async () => {
    const fresh = await create({ name: 'Anna Verdi', billing: { kind: 'PERSON', firstName: 'Anna', lastName: 'Verdi', address: 'Via Po 5', sdiCode: 'ABC1234', pec: 'anna@pec.example.it' } });
    expect(fresh).toEqual({ userErrors: [], account: { name: 'Anna Verdi', taxProfile: 'IT_CONSUMER', billing: { kind: 'PERSON', companyName: null, firstName: 'Anna', lastName: 'Verdi', addressLine: 'Via Po 5', recipientCode: 'ABC1234', pecEmail: 'anna@pec.example.it', fiscalCode: null } } });
    const former = await create({ name: 'Anna Verdi', billing: { addressLine: 'Via Po 5', recipientCode: 'ABC1234', pecEmail: 'anna@pec.example.it' } });
    expect(former).toEqual(fresh);
  });

  it('checks the check digits, naming the field as the caller wrote it, and leaves completeness to the payment', async () => {
    expect((await create({ name: 'Cher', billing: { fiscalCode: 'RSSMRA80A01H501V', recipientCode: '!' } })).userErrors).toEqual([
      { field: 'billing.fiscalCode', code: 'INVALID_CHECK_DIGIT' }, { field: 'billing.recipientCode', code: 'INVALID' },
    ]);
    expect((await create({ name: 'Cher' })).account).toMatchObject({ billing: { kind: 'PERSON', firstName: 'Cher', lastName: null } });
  });
});
