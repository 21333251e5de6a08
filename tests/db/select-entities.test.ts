import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Account, Order, Product, Service } from '@/entities';
import { selectEntities } from '@/lib/db/select-entities';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;

beforeAll(async () => {
  db = await database.db();
  const reseller = await newAccount(db, { kind: 'RESELLER' });
  const client = await newAccount(db, { resellerId: reseller.account.id });
  await newService(db, client.account, { productCode: 'BUSINESS' });
  await newService(db, client.account, { productCode: 'PEC-STD' });
});

async function expectSameAsGetMany<T extends ObjectLiteral>(query: () => SelectQueryBuilder<T>): Promise<T[]> {
  const [built, hydrated] = await Promise.all([selectEntities(query()), query().getMany()]);
  expect(built.length).toBeGreaterThan(0);
  expect(built).toStrictEqual(hydrated);
  return built;
}

describe('selectEntities builds the entities getMany() would', () => {
  it('for services (dates as strings, bigint cents as numbers, the version column, unselected timestamps left out)', async () => {
    const services = await expectSameAsGetMany(() => db.getRepository(Service).createQueryBuilder('s').orderBy('s.domain'));
    expect(services[0]).toBeInstanceOf(Service);
    expect(typeof services[0].recurringPriceCents).toBe('number');
    expect(services[0].expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(services[0].createdAt).toBeUndefined();
  });

  it('for accounts, products (booleans, cents) and orders (timestamps, nullable dates), with filters, order and limit', async () => {
    await expectSameAsGetMany(() => db.getRepository(Account).createQueryBuilder('account').where('account.resellerId IS NOT NULL').orderBy('account.name').limit(5));
    const products = await expectSameAsGetMany(() => db.getRepository(Product).createQueryBuilder('product'));
    expect(products.every((p) => p instanceof Product)).toBe(true);
    await db.query(`INSERT INTO orders (code, kind, account_id, status, net_cents, vat_cents, total_cents, placed_on)
      SELECT 'HCS-2026-900001', 'RENEWAL', id, 'AWAITING_PAYMENT', 1000, 220, 1220, '2026-03-01' FROM accounts LIMIT 1`);
    const [order] = await expectSameAsGetMany(() => db.getRepository(Order).createQueryBuilder('o'));
    expect(order.createdAt).toBeInstanceOf(Date);
  });

  it('refuses a query with joins, whose rows are not one entity each', async () => {
    const joined = db.getRepository(Service).createQueryBuilder('s').leftJoinAndSelect('s.product', 'p');
    await expect(selectEntities(joined)).rejects.toThrow('without joins');
  });
});
