import { getNamedType, isLeafType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import type { DataSource } from 'typeorm';
import { Account, Product, Service } from '@/entities';
import { appSchema } from '@/graphql/schema';
import { useGraphQLServer, type Caller } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';
import { statementsDuring } from '../support/statements';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let reseller: AccountLogin;
let otherReseller: AccountLogin;
let customer: AccountLogin;
let admin: Login;
let firstClient: AccountLogin;

const TREE = `query($first: Int, $after: String, $search: String) { clients(first: $first, after: $after, search: $search) {
  pageInfo { hasNextPage endCursor }
  edges { node { id name kind reseller { id }
    services { id domain status expiresOn product { code } parentService { id } }
    domains { name services { id product { code } } } } } } }`;


beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Agenzia' });
  otherReseller = await newAccount(db, { kind: 'RESELLER', name: 'Altra Agenzia' });
  customer = await newAccount(db, { name: 'Cliente diretto' });
  admin = await newAdmin(db);
  const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'agenzia.it' });
  firstClient = await newAccount(db, { name: 'Cliente 00', resellerId: reseller.account.id });
  // Created with the domains interleaved: the tree still groups each domain's services together.
  await newService(db, firstClient.account, { productCode: 'HVPARK', domain: 'cliente-00.it', parentServiceId: plan.id });
  await newService(db, firstClient.account, { productCode: 'BUSINESS', domain: 'altro-00.it' });
  await newService(db, firstClient.account, { productCode: 'PEC-STD', domain: 'cliente-00.it' });
  // 59 more clients written directly (no logins needed), each with a domain carrying two services.
  const products = new Map((await db.getRepository(Product).find()).map((p) => [p.code, p.id]));
  const clients = await db.getRepository(Account).save(Array.from({ length: 59 }, (_, i) => db.getRepository(Account).create({
    kind: 'CUSTOMER', resellerId: reseller.account.id, name: `Cliente ${String(i + 1).padStart(2, '0')}`, email: `c${i}@clienti.example`, locale: 'it', country: 'IT',
  })));
  await db.getRepository(Service).insert(clients.flatMap((client, i) => ['PERSONAL15', 'PEC-STD'].map((code) => ({
    accountId: client.id, productId: products.get(code)!, domain: `cliente-${String(i + 1).padStart(2, '0')}.it`, status: 'ACTIVE' as const,
    termStartsOn: '2026-01-01', expiresOn: '2027-01-01', recurringPriceCents: 4900,
  }))));
  await newAccount(db, { name: 'Cliente di altri', resellerId: otherReseller.account.id });
});

describe('the client tree', () => {
  it("gives a reseller its clients by name, each with its services and its domains", async () => {
    const { body } = await api.gql(TREE, { first: 2 }, { token: reseller.token });
    expect(body.errors).toBeUndefined();
    const [first, second] = body.data.clients.edges.map((e: any) => e.node);
    expect(first).toMatchObject({ id: firstClient.account.id, name: 'Cliente 00', kind: 'CUSTOMER', reseller: { id: reseller.account.id } });
    expect(first.services.map((s: any) => [s.domain, s.product.code, s.parentService?.id ?? null])).toEqual([
      ['altro-00.it', 'BUSINESS', null], ['cliente-00.it', 'HVPARK', expect.any(String)], ['cliente-00.it', 'PEC-STD', null],
    ]);
    expect(first.domains.map((d: any) => [d.name, d.services.map((s: any) => s.product.code)])).toEqual([
      ['altro-00.it', ['BUSINESS']], ['cliente-00.it', ['HVPARK', 'PEC-STD']],
    ]);
    expect(second.name).toBe('Cliente 01');
    expect(body.data.clients.pageInfo.hasNextPage).toBe(true);
  });

  it('walks all 60 clients by cursor, and never shows another reseller\'s', async () => {
    const names: string[] = [];
    let after: string | null = null;
    do {
      const { body }: any = await api.gql(TREE, { first: 25, after }, { token: reseller.token });
      names.push(...body.data.clients.edges.map((e: any) => e.node.name));
      after = body.data.clients.pageInfo.hasNextPage ? body.data.clients.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `Cliente ${String(i).padStart(2, '0')}`));
    const other = await api.gql('{ clients { edges { node { name } } } }', {}, { token: otherReseller.token });
    expect(other.body.data.clients.edges.map((e: any) => e.node.name)).toEqual(['Cliente di altri']);
  });

  it('finds clients by part of the name or email', async () => {
    const byName = await api.gql(TREE, { search: 'cliente 4' }, { token: reseller.token });
    expect(byName.body.data.clients.edges.map((e: any) => e.node.name)).toEqual(['Cliente 40', 'Cliente 41', 'Cliente 42', 'Cliente 43', 'Cliente 44', 'Cliente 45', 'Cliente 46', 'Cliente 47', 'Cliente 48', 'Cliente 49']);
    const byEmail = await api.gql(TREE, { search: 'c7@clienti' }, { token: reseller.token });
    expect(byEmail.body.data.clients.edges.map((e: any) => e.node.name)).toEqual(['Cliente 08']);
    const wildcard = await api.gql(TREE, { search: '%' }, { token: reseller.token });
    expect(wildcard.body.data.clients.edges).toEqual([]);
  });

  it('gives the back office every account', async () => {
    const { body } = await api.gql('{ clients(first: 100) { edges { node { name kind } } } }', {}, { token: admin.token });
    const names = body.data.clients.edges.map((e: any) => e.node.name);
    expect(names).toHaveLength(64);
    expect(names).toEqual(expect.arrayContaining(['Agenzia', 'Altra Agenzia', 'Cliente diretto', 'Cliente di altri']));
  });

  it('refuses a customer: only resellers and the back office have clients', async () => {
    const { body } = await api.gql('{ clients { edges { node { id } } } }', {}, { token: customer.token });
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("shows a client its own services but not its reseller's", async () => {
    const { body } = await api.gql('{ viewer { account { services { domain } reseller { name services { id } domains { name } } } } }', {}, { token: firstClient.token });
    expect(body.data.viewer.account.services.map((s: any) => s.domain)).toEqual(['altro-00.it', 'cliente-00.it', 'cliente-00.it']);
    expect(body.data.viewer.account.reseller).toEqual({ name: 'Agenzia', services: [], domains: [] });
  });
});

describe('the cost of a tree in SQL statements', () => {
  const CLIENTS_WITH_SERVICES_AND_DOMAINS = `query($first: Int) { clients(first: $first) { edges { node { id name
    services { id domain status expiresOn daysLeft recurringPriceCents product { code name priceCents } }
    domains { name services { id product { code } } } } } } }`;
  const statementsFor = async (query: string, first: number, caller: Caller) => (await statementsDuring(async () => {
    const { body } = await api.gql(query, { first }, caller);
    expect(body.data.clients.edges).toHaveLength(first);
  })).length;

  // Counted: everything the request sends to PostgreSQL, authentication included. With a token: the
  // token lookup (which also marks it used and reads the catalog's revision), the page of clients, their
  // services; the catalog only when the server's copy is not current. With the portal's session the same:
  // its statement also reads the catalog's revision.
  it('is at most 5 statements for a page of 50 clients with their services and domains, and the same for a page of 5', async () => {
    await api.gql(CLIENTS_WITH_SERVICES_AND_DOMAINS, { first: 5 }, { token: reseller.token });
    const page50 = await statementsFor(CLIENTS_WITH_SERVICES_AND_DOMAINS, 50, { token: reseller.token });
    expect(page50).toBe(3);
    expect(await statementsFor(CLIENTS_WITH_SERVICES_AND_DOMAINS, 5, { token: reseller.token })).toBe(page50);
    expect(await statementsFor(CLIENTS_WITH_SERVICES_AND_DOMAINS, 50, { cookie: reseller.cookie })).toBe(page50);
  });

  it("answers who is signed in to the portal from the session's own statement", async () => {
    const VIEWER = '{ viewer { user { email role accountRole name locale twoFactorEnabled twoFactorRequired } account { name kind } } }';
    const expected = {
      user: { email: reseller.user.email, role: 'USER', accountRole: 'OWNER', name: reseller.user.name, locale: null, twoFactorEnabled: false, twoFactorRequired: false },
      account: { name: reseller.account.name, kind: 'RESELLER' },
    };
    let answer: any;
    expect(await statementsDuring(async () => { answer = (await api.gql(VIEWER, {}, { cookie: reseller.cookie })).body; })).toHaveLength(1);
    expect(answer.data.viewer).toEqual(expected);
    // An API token's statement reads only what the actor needs: the login and its account are read when asked for.
    expect(await statementsDuring(async () => { answer = (await api.gql(VIEWER, {}, { token: reseller.token })).body; })).toHaveLength(3);
    expect(answer.data.viewer).toEqual(expected);
  });

  it('adds one statement per further relation, whatever the page size', async () => {
    await api.gql(TREE, { first: 5 }, { token: reseller.token });
    // The reseller of each client, and the parent plan of each service.
    expect(await statementsFor(TREE, 50, { token: reseller.token })).toBe(5);
    expect(await statementsFor(TREE, 5, { token: reseller.token })).toBe(5);
  });
});

describe('the columns a page of the tree loads', () => {
  // Every field of the two types, each alone (so that a field answered from too few columns cannot borrow
  // one another field loaded), an object-typed one with its leaf fields: a field added later is covered too.
  const schema = appSchema();
  const leavesOf = (type: GraphQLNamedType) => Object.values((type as GraphQLObjectType).getFields()).filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name).join(' ');
  const selectionsOf = (typeName: string) => Object.values((schema.getType(typeName) as GraphQLObjectType).getFields()).map((field) => {
    const type = getNamedType(field.type);
    return isLeafType(type) ? field.name : `${field.name} { ${leavesOf(type)} }`;
  });
  const SERVICE_FIELDS = selectionsOf('Service');
  const ACCOUNT_FIELDS = selectionsOf('Account');
  const SELECTIONS = [
    ...SERVICE_FIELDS.flatMap((field) => [`services { id ${field} }`, `domains { name services { ${field} } }`]),
    ...ACCOUNT_FIELDS,
  ];
  const statementsOf = async (query: string) => statementsDuring(async () => {
    const { body } = await api.gql(query, {}, { token: reseller.token });
    expect(body.errors).toBeUndefined();
  });
  const selectFrom = (statements: string[], table: string) => statements.find((s) => s.startsWith('SELECT') && s.includes(`FROM "${table}"`))!;

  it('answers every field of every client exactly as the whole entities do', async () => {
    await db.getRepository(Account).update(firstClient.account.id, {
      fiscalCode: 'RSSMRA80A01H501U', vatNumber: 'IT01234567890', addressLine: 'Via Roma 1', postalCode: '00100', city: 'Roma', province: 'RM', recipientCode: 'ABC1234', pecEmail: 'cliente00@pec.example.test',
    });
    const cancelled = await db.getRepository(Service).findOneByOrFail({ accountId: firstClient.account.id, domain: 'altro-00.it' });
    const quote = await api.gql('mutation($id: ID!) { cancelService(input: { serviceId: $id, reason: SWITCHING_PROVIDER }) { quote { id } userErrors { message } } }', { id: cancelled.id }, { token: firstClient.token });
    expect(quote.body.data.cancelService.userErrors).toEqual([]);
    const confirmed = await api.gql('mutation($id: ID!) { confirmQuote(input: { quoteId: $id, paymentMethod: BANK_TRANSFER }) { cancellation { status } } }', { id: quote.body.data.cancelService.quote.id }, { token: firstClient.token });
    expect(confirmed.body.data.confirmQuote.cancellation.status).toBe('CONFIRMED');
    for (const selection of SELECTIONS) {
      const page = await api.gql(`{ clients(first: 3) { edges { node { id ${selection} } } } }`, {}, { token: reseller.token });
      expect(page.body.errors).toBeUndefined();
      for (const { node } of page.body.data.clients.edges) {
        const whole = await api.gql(`query($id: ID!) { client(id: $id) { id ${selection} } }`, { id: node.id }, { token: reseller.token });
        expect({ selection, node }).toEqual({ selection, node: whole.body.data.client });
      }
    }
  });

  it('selects only the columns the query reads, and whole rows when a field does not say what it reads', async () => {
    const narrow = await statementsOf('{ clients(first: 5) { edges { node { id email domains { name services { id status product { code } } } } } } }');
    expect(selectFrom(narrow, 'accounts')).not.toMatch(/vat_number|locale/);
    expect(selectFrom(narrow, 'accounts')).toMatch(/"account"\."email"/);
    expect(selectFrom(narrow, 'services')).not.toMatch(/recurring_price_cents|expires_on/);
    expect(selectFrom(narrow, 'services')).toMatch(/"service"\."product_id"/);

    const throughFragments = await statementsOf(`fragment Price on Service { recurringPrice { cents } }
      { clients(first: 5) { edges { ... on AccountEdge { node { billing { vatNumber } services { ...Price } } } } } }`);
    expect(selectFrom(throughFragments, 'accounts')).toMatch(/"account"\."vat_number"/);
    expect(selectFrom(throughFragments, 'services')).toMatch(/"service"\."recurring_price_cents"/);

    const nameOnly = await statementsOf('{ clients(first: 5) { edges { node { name } } } }');
    expect(nameOnly.filter((s) => s.includes('FROM "services"'))).toEqual([]);
    const counted = await api.gql('{ clients(first: 5) { totalCount edges { node { name } } } }', {}, { token: reseller.token });
    expect(counted.body.data.clients.totalCount).toBe(60);
  });
});
