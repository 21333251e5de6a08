import type { DataSource } from 'typeorm';
import { RequestCatalog } from '@/operations/catalog/request-catalog';
import { listClients } from '@/operations/clients/list-clients';
import { ServicesOfAccounts } from '@/operations/services/services-of-accounts';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';
import { statementsDuring } from '../support/statements';

/**
 * The client tree loads the services of a page of clients with the page. The reach is checked in
 * that query unless the page was read within the actor's reach by `listClients`.
 */
const database = useTestDatabase();
let db: DataSource;
let reseller: AccountLogin;
let otherReseller: AccountLogin;

const PAGE = { first: 10, after: null };
const servicesFor = (login: AccountLogin) => new ServicesOfAccounts(db, login.actor, new RequestCatalog(db, null));
const servicesQuery = (statements: string[]) => statements.filter((statement) => statement.includes('FROM "services"'));

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Agenzia' });
  otherReseller = await newAccount(db, { kind: 'RESELLER', name: 'Altra Agenzia' });
  for (const name of ['Bianchi', 'Rossi']) {
    const client = await newAccount(db, { name, resellerId: reseller.account.id });
    await newService(db, client.account, { productCode: 'BUSINESS', domain: `${name.toLowerCase()}.it` });
    await newService(db, client.account, { productCode: 'PEC-STD', domain: `${name.toLowerCase()}.it` });
  }
});

afterAll(() => { delete process.env.PORTAL_TODAY; });

describe('the services of a page of clients', () => {
  it("come with their page, each account's own, products attached, without checking the reach again", async () => {
    const page = await listClients(db, reseller.actor, null, PAGE);
    const services = servicesFor(reseller);
    const statements = await statementsDuring(() => services.loadWithPage(page.rows, ['id', 'accountId', 'domain', 'productId']));
    expect(servicesQuery(statements)).toHaveLength(1);
    expect(servicesQuery(statements)[0]).not.toContain('"reach"');
    expect(page.rows.map((account) => [account.name, services.loadedWithPage(account)?.map((s) => [s.domain, s.product!.code])])).toEqual([
      ['Bianchi', [['bianchi.it', 'BUSINESS'], ['bianchi.it', 'PEC-STD']]],
      ['Rossi', [['rossi.it', 'BUSINESS'], ['rossi.it', 'PEC-STD']]],
    ]);
  });

  it("are checked against the actor's reach when the page was not read for it: another reseller gets none", async () => {
    const page = await listClients(db, reseller.actor, null, PAGE);
    const services = servicesFor(otherReseller);
    const statements = await statementsDuring(() => services.loadWithPage(page.rows, null));
    expect(servicesQuery(statements)[0]).toContain('"reach"');
    expect(page.rows.map((account) => services.loadedWithPage(account))).toEqual([[], []]);
    expect(await services.load(page.rows.map((account) => account.id))).toEqual([[], []]);
  });

  it('are checked when the accounts are not the array the list read', async () => {
    const page = await listClients(db, reseller.actor, null, PAGE);
    const services = servicesFor(reseller);
    const statements = await statementsDuring(() => services.loadWithPage([...page.rows], null));
    expect(servicesQuery(statements)[0]).toContain('"reach"');
    expect(page.rows.map((account) => services.loadedWithPage(account)?.length)).toEqual([2, 2]);
  });
});
