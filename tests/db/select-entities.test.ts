import { SelectQueryBuilder, type DataSource, type ObjectLiteral } from 'typeorm';
import { Account, Order, Product, Quote, Service } from '@/entities';
import { columnsAs, entityFromRow, selectEntities } from '@/lib/db/select-entities';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;
let client: Awaited<ReturnType<typeof newAccount>>;
let business: Service;

beforeAll(async () => {
  db = await database.db();
  const reseller = await newAccount(db, { kind: 'RESELLER' });
  client = await newAccount(db, { resellerId: reseller.account.id });
  business = await newService(db, client.account, { productCode: 'BUSINESS' });
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

  it('refuses a query with joins, whose rows are not one entity each, or with a result cache it would not use', async () => {
    const joined = db.getRepository(Service).createQueryBuilder('s').leftJoinAndSelect('s.product', 'p');
    await expect(selectEntities(joined)).rejects.toThrow('without joins');
    await expect(selectEntities(db.getRepository(Service).createQueryBuilder('s').cache(true))).rejects.toThrow('result cache');
  });
});

describe('selectEntities builds the SQL of each shape of query once', () => {
  const products = () => db.getRepository(Product).createQueryBuilder('p');

  it("answers each query with its own values, lists of any length included: they are not part of a shape's SQL", async () => {
    const byCodes = (codes: string[]) => selectEntities(products().where('p.code IN (:...codes)', { codes }).orderBy('p.code'));
    expect((await byCodes(['BUSINESS'])).map((p) => p.code)).toEqual(['BUSINESS']);
    expect((await byCodes(['PEC-STD', 'BUSINESS', 'EASY'])).map((p) => p.code)).toEqual(['BUSINESS', 'EASY', 'PEC-STD']);
    expect(await byCodes(['NONE'])).toEqual([]);
  });

  it('gives queries differing in a condition, the columns, the order or the limit their own SQL', async () => {
    await expectSameAsGetMany(() => products().where('p.priceCents > :cents', { cents: 0 }).orderBy('p.code', 'ASC').limit(3));
    await expectSameAsGetMany(() => products().where('p.priceCents < :cents', { cents: 100000 }).orderBy('p.code', 'ASC').limit(3));
    await expectSameAsGetMany(() => products().where('p.priceCents > :cents', { cents: 0 }).orderBy('p.code', 'DESC').limit(3));
    await expectSameAsGetMany(() => products().where('p.priceCents > :cents', { cents: 0 }).orderBy('p.code', 'DESC').limit(4));
    await expectSameAsGetMany(() => products().select(['p.id', 'p.code']).where('p.priceCents > :cents', { cents: 0 }).orderBy('p.code', 'DESC').limit(4));
  });

  it('checks, outside production, that a cached SQL is what the query builds', async () => {
    const query = () => products().where('p.code = :code', { code: 'BUSINESS' });
    await selectEntities(query());
    const built = jest.spyOn(SelectQueryBuilder.prototype, 'getQuery').mockReturnValueOnce('SELECT 1');
    try {
      await expect(selectEntities(query())).rejects.toThrow('is not what the query builds');
    } finally {
      built.mockRestore();
    }
  });
});

describe('a hand-written statement over columnsAs builds the entities the query builder would', () => {
  it('for a quote (JSON lines, timestamps, cents) and its service, joined in one row', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const quote = await requestServiceChange(db, client.actor, { serviceId: business.id, targetProductCode: 'PERSONAL15' });
    const [row] = await db.query(`SELECT ${columnsAs(db, Quote, 'q')}, ${columnsAs(db, Service, 's')}
      FROM "quotes" "q" JOIN "services" "s" ON "s"."id" = "q"."service_id" WHERE "q"."id" = $1`, [quote.id]);
    const hydrated = await db.getRepository(Quote).createQueryBuilder('q').innerJoinAndSelect('q.service', 's').where('q.id = :id', { id: quote.id }).getOneOrFail();
    const { service, ...quoteColumns } = hydrated;
    expect(entityFromRow(db, Quote, 'q', row)).toStrictEqual(Object.assign(new Quote(), quoteColumns));
    expect(entityFromRow(db, Service, 's', row)).toStrictEqual(service);
    expect(entityFromRow(db, Quote, 'q', row).lines.length).toBeGreaterThan(0);
  });
});
