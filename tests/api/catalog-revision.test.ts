import type { DataSource } from 'typeorm';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';
import { statementsDuring } from '../support/statements';

const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let customer: AccountLogin;

const PRODUCTS = '{ services(first: 5) { edges { node { product { code name priceCents } } } } }';

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-03-01';
  db = await database.db();
  customer = await newAccount(db);
  await newService(db, customer.account, { productCode: 'BUSINESS' });
});

async function productSeen(caller: { token?: string; cookie?: string }) {
  const { body } = await api.gql(PRODUCTS, {}, caller);
  return body.data.services.edges[0].node.product;
}

/** How many statements of the request read the products table. */
async function productReads(run: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(run)).filter((statement) => statement.includes('FROM "products"')).length;
}

describe("the server's copy of the catalog", () => {
  it('is read once, then reused while no product changes', async () => {
    await productSeen({ token: customer.token });
    expect(await productReads(() => productSeen({ token: customer.token }))).toBe(0);
  });

  it('is read again as soon as a product changes, by any statement, even outside the application', async () => {
    expect(await productSeen({ token: customer.token })).toEqual({ code: 'BUSINESS', name: expect.any(String), priceCents: expect.any(Number) });
    await db.query(`UPDATE products SET name = 'Business 2027', price_cents = 4321 WHERE code = 'BUSINESS'`);
    expect(await productSeen({ token: customer.token })).toEqual({ code: 'BUSINESS', name: 'Business 2027', priceCents: 4321 });
    await db.query(`INSERT INTO products (code, name, category_id, price_cents) SELECT 'NEW-ONE', 'Nuovo', category_id, 100 FROM products WHERE code = 'BUSINESS'`);
    expect(await productReads(() => productSeen({ token: customer.token }))).toBe(1);
  });

  it('is reused by portal sessions too, which see a change at once', async () => {
    await productSeen({ cookie: customer.cookie });
    expect(await productReads(() => productSeen({ cookie: customer.cookie }))).toBe(0);
    await db.query(`UPDATE products SET name = 'Business Plus' WHERE code = 'BUSINESS'`);
    expect((await productSeen({ cookie: customer.cookie })).name).toBe('Business Plus');
    expect(await productReads(() => productSeen({ cookie: customer.cookie }))).toBe(0);
  });
});
