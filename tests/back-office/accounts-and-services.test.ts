import type { DataSource } from 'typeorm';
import { AuditEvent } from '@/entities';
import { authenticateWithPassword } from '@/operations/access/authenticate';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;
let reseller: AccountLogin;

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { id kind name email locale reseller { id } billing { kind companyName fiscalCode vatNumber city province country } taxProfile } userErrors { field code message } } }`;
const PROVISION = `mutation($input: ProvisionServiceInput!) { provisionService(input: $input) {
  service { id domain status termStartsOn expiresOn recurringPriceCents product { code } parentService { id } account { id } } userErrors { field code message } } }`;

async function mutate(query: string, input: Record<string, unknown>) {
  const { body } = await api.gql(query, { input }, { token: admin.token });
  expect(body.errors).toBeUndefined();
  return Object.values(body.data as Record<string, any>)[0];
}

const fieldsOf = (payload: { userErrors: { field: string }[] }) => payload.userErrors.map((e) => e.field);

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  admin = await newAdmin(db);
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Agenzia Web' });
});

describe('createAccount', () => {
  it("creates a reseller's client with its login and billing data, and records it in the audit trail", async () => {
    const { account, userErrors } = await mutate(CREATE_ACCOUNT, {
      name: 'Bar Sport', email: 'Bar.Sport@Example.test', password: 'una password lunga', kind: 'CUSTOMER', resellerId: reseller.account.id, locale: 'en',
      billing: { vatNumber: '01234567897', city: 'Bologna', province: 'bo' },
    });
    expect(userErrors).toEqual([]);
    expect(account).toMatchObject({
      kind: 'CUSTOMER', name: 'Bar Sport', email: 'bar.sport@example.test', locale: 'en', reseller: { id: reseller.account.id },
      billing: { kind: 'COMPANY', companyName: 'Bar Sport', vatNumber: '01234567897', city: 'Bologna', province: 'BO', country: 'IT' }, taxProfile: 'IT_BUSINESS',
    });
    expect(await authenticateWithPassword(db, 'bar.sport@example.test', 'una password lunga')).toEqual(expect.any(String));
    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ entityId: account.id, action: 'account.created' });
    expect(audit).toMatchObject({ actorLabel: admin.user.email, actorUserId: admin.user.id, accountId: account.id });
  });

  it('names every field at fault', async () => {
    const payload = await mutate(CREATE_ACCOUNT, {
      name: ' ', email: 'not-an-email', password: 'short', kind: 'RESELLER', resellerId: reseller.account.id, locale: 'de',
      billing: { fiscalCode: 'XYZ', vatNumber: '12', recipientCode: '!', pecEmail: 'pec' },
    });
    expect(payload.account).toBeNull();
    expect(fieldsOf(payload).sort()).toEqual(['billing.fiscalCode', 'billing.pecEmail', 'billing.recipientCode', 'billing.vatNumber', 'email', 'kind', 'locale', 'name', 'password']);
  });

  it('refuses a taken email and a reseller that is not one', async () => {
    const base = { name: 'Doppio', password: 'una password lunga', kind: 'CUSTOMER' };
    expect((await mutate(CREATE_ACCOUNT, { ...base, email: reseller.user.email })).userErrors).toEqual([{ field: 'email', code: 'EMAIL_TAKEN', message: expect.any(String) }]);
    for (const resellerId of ['not-an-id', (await newAccount(db)).account.id]) {
      expect((await mutate(CREATE_ACCOUNT, { ...base, email: `x-${resellerId.slice(0, 4)}@example.test`, resellerId })).userErrors).toEqual([{ field: 'resellerId', code: 'NOT_FOUND', message: expect.any(String) }]);
    }
  });
});

describe('provisionService', () => {
  it("records an existing customer's service with its real dates and price", async () => {
    const customer = await newAccount(db);
    const { service, userErrors } = await mutate(PROVISION, {
      accountId: customer.account.id, productCode: 'business', domain: 'Esistente.IT', termStartsOn: '2025-09-15', expiresOn: '2026-09-15', recurringPriceCents: 8900,
    });
    expect(userErrors).toEqual([]);
    expect(service).toMatchObject({ domain: 'esistente.it', status: 'ACTIVE', termStartsOn: '2025-09-15', expiresOn: '2026-09-15', recurringPriceCents: 8900, product: { code: 'BUSINESS' }, account: { id: customer.account.id } });
    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ entityId: service.id });
    expect(audit).toMatchObject({ action: 'service.provisioned', actorLabel: admin.user.email, after: expect.objectContaining({ product: 'BUSINESS', expiresOn: '2026-09-15' }) });
  });

  it("starts a new service today for a year at list price, as an additional domain of the reseller's plan", async () => {
    const plan = await newService(db, reseller.account, { productCode: 'EASY' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const { service } = await mutate(PROVISION, { accountId: client.account.id, productCode: 'HVPARK', domain: 'nuovo.it', parentServiceId: plan.id });
    expect(service).toMatchObject({ termStartsOn: '2026-07-02', expiresOn: '2027-07-02', recurringPriceCents: 1500, parentService: { id: plan.id } });
  });

  it('names the fields at fault, and reports an unknown account, product or plan as not found', async () => {
    const customer = await newAccount(db);
    const bad = await mutate(PROVISION, { accountId: customer.account.id, productCode: 'HVPARK', domain: 'no spaces.it', recurringPriceCents: -1 });
    expect(fieldsOf(bad).sort()).toEqual(['domain', 'recurringPriceCents']);
    const badDate = await api.gql(PROVISION, { input: { accountId: customer.account.id, productCode: 'HVPARK', domain: 'ok.it', termStartsOn: '2026-02-30' } }, { token: admin.token });
    expect(badDate.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('input.termStartsOn'), extensions: { code: 'BAD_USER_INPUT' } });
    const backwards = await mutate(PROVISION, { accountId: customer.account.id, productCode: 'HVPARK', domain: 'ok.it', termStartsOn: '2026-05-01', expiresOn: '2026-04-01' });
    expect(backwards.userErrors).toEqual([{ field: 'expiresOn', code: 'INVALID', message: 'expiresOn must come after termStartsOn, within 10 years' }]);
    const tooLong = await mutate(PROVISION, { accountId: customer.account.id, productCode: 'HVPARK', domain: 'ok.it', termStartsOn: '2026-05-01', expiresOn: '2036-05-02' });
    expect(tooLong.userErrors).toEqual([{ field: 'expiresOn', code: 'INVALID', message: 'expiresOn must come after termStartsOn, within 10 years' }]);
    // A term whose renewal would leave four-digit years is refused, and nothing is written.
    const farOff = await mutate(PROVISION, { accountId: customer.account.id, productCode: 'HVPARK', domain: 'ok.it', termStartsOn: '9999-01-01', expiresOn: '9999-12-31' });
    expect(farOff.userErrors).toEqual([{ field: 'termStartsOn', code: 'INVALID', message: 'termStartsOn must be on or before 9899-12-31' }]);
    const cases: [Record<string, unknown>, string][] = [
      [{ accountId: 'x' }, 'accountId'], [{ accountId: '6f1c2d4e-8a9b-4c3d-9e8f-7a6b5c4d3e2f' }, 'accountId'], [{ productCode: 'NOPE' }, 'productCode'],
      [{ parentServiceId: (await newService(db, reseller.account, { productCode: 'EASY' })).id }, 'parentServiceId'],
    ];
    for (const [input, field] of cases) {
      const payload = await mutate(PROVISION, { accountId: customer.account.id, productCode: 'HVPARK', domain: 'ok.it', ...input });
      expect(payload).toEqual({ service: null, userErrors: [{ field, code: 'NOT_FOUND', message: expect.any(String) }] });
    }
  });
});

describe('accounts', () => {
  it('lists every account by name, and finds them by part of the name or email', async () => {
    const all = await api.gql('{ accounts(first: 100) { totalCount edges { node { name kind } } } }', {}, { token: admin.token });
    const names = all.body.data.accounts.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(all.body.data.accounts.totalCount).toBe(names.length);
    const found = await api.gql('{ accounts(search: "agenzia") { edges { node { id kind } } } }', {}, { token: admin.token });
    expect(found.body.data.accounts.edges).toEqual([{ node: { id: reseller.account.id, kind: 'RESELLER' } }]);
  });

  it('is for the back office only', async () => {
    const { body } = await api.gql('{ accounts { totalCount } }', {}, { token: reseller.token });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });
});
