import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerAdapter } from '@whatwg-node/server';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { rawTreePage } from '@/bench/baseline/app/clients/tree-page';
import { assertSameTreePage } from '@/bench/tree';
import { Account, Product, Service } from '@/entities';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let reseller: AccountLogin;
let pool: pg.Pool;
let baseline: Server;
let baselineUrl: string;

beforeAll(async () => {
  db = await database.db();
  reseller = await newAccount(db, { kind: 'RESELLER', name: 'Agenzia' });
  const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'agenzia.it' });
  // 52 clients, so the page stops at 50 with a next page; services created with their domains interleaved,
  // one of them deactivated, and one client without any.
  const products = new Map((await db.getRepository(Product).find()).map((p) => [p.code, p.id]));
  const clients = await db.getRepository(Account).save(Array.from({ length: 52 }, (_, i) => db.getRepository(Account).create({
    kind: 'CUSTOMER', resellerId: reseller.account.id, name: `Cliente ${String(i).padStart(2, '0')}`, email: `c${i}@clienti.example`, locale: 'it', country: 'IT',
  })));
  const service = (client: Account, code: string, domain: string, extra: Partial<Service> = {}) => db.getRepository(Service).insert({
    accountId: client.id, productId: products.get(code)!, domain, status: 'ACTIVE', termStartsOn: '2026-01-01', expiresOn: '2027-01-01', recurringPriceCents: 4900, ...extra,
  });
  for (const [i, client] of clients.slice(1).entries()) {
    await service(client, 'HVPARK', `cliente-${i}.it`, { parentServiceId: plan.id });
    await service(client, 'BUSINESS', `altro-${i}.it`, i % 7 === 0 ? { status: 'DEACTIVATED', deactivatedOn: '2026-06-01', expiresOn: '2026-06-01' } : {});
    await service(client, 'PEC-STD', `cliente-${i}.it`);
  }
  pool = new pg.Pool({ connectionString: database.url(), max: 2 });
  // The test database is dropped with its connections open.
  pool.on('error', () => undefined);
  baseline = createServer(createServerAdapter((request: Request) => rawTreePage(pool, request)));
  await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
  baselineUrl = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => baseline.close(() => resolve()));
  await pool.end();
});

describe("the benchmark's raw-SQL baseline", () => {
  it('answers the first page of the client tree with the same JSON as GraphQL, as the benchmark checks before measuring', async () => {
    await expect(assertSameTreePage(api.url().replace(/\/api\/graphql$/, ''), baselineUrl, reseller)).resolves.toBeUndefined();
    const page = await (await fetch(`${baselineUrl}/clients`, { headers: { authorization: `Bearer ${reseller.token}` } })).json();
    expect(page.data.clients.edges).toHaveLength(50);
    expect(page.data.clients.pageInfo.hasNextPage).toBe(true);
    expect(page.data.clients.edges[0].node).toMatchObject({ name: 'Cliente 00', domains: [] });
    expect(page.data.clients.edges[1].node.domains.map((d: { name: string; services: unknown[] }) => [d.name, d.services.length])).toEqual([['altro-0.it', 1], ['cliente-0.it', 2]]);
  });

  it('refuses a caller without a valid API token', async () => {
    const response = await fetch(`${baselineUrl}/clients`, { headers: { authorization: 'Bearer pcl_not-a-token' } });
    expect(response.status).toBe(401);
  });
});
