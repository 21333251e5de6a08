/**
 * The private parts of TypeORM (pinned in package.json) that lib/db/prepared.ts, lib/db/select-entities.ts
 * and operations/sql.ts rely on. A failure here names what an upgrade moved: adapt those files before
 * changing the pinned version.
 */
import pg from 'pg';
import { Brackets, DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils.js';
import { QueryExpressionMap } from 'typeorm/query-builder/QueryExpressionMap.js';
import { Account, Product, Service } from '@/entities';
import { queryDirect } from '@/lib/db/prepared';
import { UserInputError } from '@/operations/errors';
import { affectedRows, unlessDuplicate } from '@/operations/sql';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
let db: DataSource;

beforeAll(async () => {
  db = await database.db();
});

describe('TypeORM internals used by lib/db/prepared.ts', () => {
  it("PostgresDriver keeps its connection pool as `master`, a pg Pool", () => {
    const master: unknown = Reflect.get(db.driver, 'master');
    expect(master).toBeInstanceOf(pg.Pool);
  });

  it("QueryRunner.connect() resolves to its pg client (`databaseConnection`), the transaction's own connection", async () => {
    await db.transaction(async (manager) => {
      const runner = manager.queryRunner!;
      const client = await runner.connect();
      expect(client).toBeInstanceOf(pg.Client);
      expect(client).toBe(Reflect.get(runner, 'databaseConnection'));
      const [{ txid }] = await manager.query(`SELECT txid_current()::text AS txid`);
      expect(await queryDirect(manager, `SELECT txid_current()::text AS txid`, [])).toEqual([{ txid }]);
    });
  });

  it('QueryFailedError(text, values, error) keeps the driver error as `driverError`', async () => {
    const failure = await queryDirect(db, 'SELECT 1 / 0', []).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('22012');
  });
});

describe('TypeORM internals used by operations/sql.ts', () => {
  it('QueryRunner.query(sql, parameters, true) returns a result whose `affected` is the rows written, a CTE included', async () => {
    await db.transaction(async (manager) => {
      await manager.query(`CREATE TEMPORARY TABLE contract_rows (n int) ON COMMIT DROP`);
      await manager.query(`CREATE TEMPORARY TABLE contract_log (n int) ON COMMIT DROP`);
      expect(await affectedRows(manager, `INSERT INTO contract_rows SELECT generate_series(1, 5)`)).toBe(5);
      expect(await affectedRows(manager, `UPDATE contract_rows SET n = n + 1 WHERE n > $1`, [2])).toBe(3);
      expect(await affectedRows(manager, `WITH gone AS (DELETE FROM contract_rows WHERE n > 3 RETURNING n) INSERT INTO contract_log SELECT n FROM gone`)).toBe(3);
    });
  });

  it("a unique violation reaches the caller as QueryFailedError with the driver's code 23505", async () => {
    const [product] = await db.getRepository(Product).find({ take: 1 });
    const duplicate = new UserInputError('CODE_TAKEN', 'taken', 'code');
    const insert = db.getRepository(Product).insert({ ...product, id: undefined });
    await expect(unlessDuplicate(insert, duplicate)).rejects.toBe(duplicate);
  });
});

describe('TypeORM internals used by lib/db/select-entities.ts', () => {
  const services = () => db.getRepository(Service).createQueryBuilder('service');

  it('the deep module paths it imports exist: typeorm/driver/DriverUtils.js, typeorm/query-builder/QueryExpressionMap.js', () => {
    expect(typeof DriverUtils.buildAlias).toBe('function');
    expect(typeof QueryExpressionMap).toBe('function');
  });

  it('QueryExpressionMap has exactly the fields of 1.1.1: a new one may change the SQL, and must join shapeOf() or be ruled out there', () => {
    expect(Object.keys(new QueryExpressionMap(db)).sort()).toEqual([
      'aliasNamePrefixingEnabled', 'aliases', 'callListeners', 'commonTableExpressions', 'dataSource', 'disableEscaping', 'enableRelationIdValues',
      'extraAppendedAndWhereCondition', 'extraReturningColumns', 'groupBys', 'havings', 'insertColumns', 'joinAttributes', 'locallyGenerated',
      'maxExecutionTime', 'onIgnore', 'options', 'orderBys', 'parameters', 'queryEntity', 'queryType', 'relationIdAttributes', 'relationLoadStrategy',
      'selectDistinct', 'selectDistinctOn', 'selects', 'subQuery', 'timeTravel', 'updateEntity', 'useTransaction', 'whereEntities', 'wheres', 'withDeleted',
    ]);
  });

  it('QueryExpressionMap holds the main alias, columns, conditions, order and limits where shapeOf() reads them', () => {
    const map = services().select(['service.id', 'service.domain']).where('service.domain = :domain', { domain: 'a.it' })
      .orderBy('service.domain', 'ASC').limit(3).offset(2).take(4).skip(1).expressionMap;
    expect(map.mainAlias).toMatchObject({ name: 'service', hasMetadata: true, metadata: { name: 'Service', discriminatorColumn: undefined } });
    expect(map.selects).toEqual([{ selection: 'service.id' }, { selection: 'service.domain' }]);
    expect(map.wheres).toEqual([{ type: 'simple', condition: 'service.domain = :domain' }]);
    expect(map.orderBys).toEqual({ 'service.domain': 'ASC' });
    expect(map).toMatchObject({ limit: 3, offset: 2, take: 4, skip: 1, withDeleted: false, aliasNamePrefixingEnabled: true, disableEscaping: true });
  });

  it('QueryExpressionMap marks every feature shapeOf() and selectEntities() turn away, in the field they read', () => {
    const read = (build: (query: ReturnType<typeof services>) => unknown, field: keyof QueryExpressionMap) => {
      const query = services();
      build(query);
      return query.expressionMap[field];
    };
    expect(read((q) => q.addCommonTableExpression('SELECT 1', 'one'), 'commonTableExpressions')).toHaveLength(1);
    expect(read((q) => q.groupBy('service.domain'), 'groupBys')).toEqual(['service.domain']);
    expect(read((q) => q.having('count(*) > 1'), 'havings')).toHaveLength(1);
    expect(read((q) => q.setLock('pessimistic_write'), 'lockMode')).toBe('pessimistic_write');
    expect(read((q) => q.distinct(), 'selectDistinct')).toBe(true);
    expect(read((q) => q.distinctOn(['service.domain']), 'selectDistinctOn')).toEqual(['service.domain']);
    expect(read((q) => q.useIndex('some_index'), 'useIndex')).toEqual(['some_index']);
    expect(read((q) => q.comment('why'), 'comment')).toBe('why');
    expect(read((q) => q.cache(true), 'cache')).toBe(true);
    expect(read((q) => q.useTransaction(true), 'useTransaction')).toBe(true);
    expect(read((q) => q.leftJoin(Account, 'owner', 'owner.id = service.accountId'), 'joinAttributes')).toHaveLength(1);
    const [bracketed] = read((q) => q.where(new Brackets((inner) => inner.where('service.domain IS NOT NULL'))), 'wheres') as QueryExpressionMap['wheres'];
    expect(typeof bracketed.condition).not.toBe('string');
    const accounts = db.getRepository(Account).createQueryBuilder('account').loadRelationIdAndMap('account.resellerKey', 'account.reseller');
    expect(accounts.expressionMap.relationIdAttributes).toHaveLength(1);
    expect(services().subQuery().expressionMap.subQuery).toBe(true);
    expect(services().expressionMap.extraAppendedAndWhereCondition).toBe('');
  });

  it("DriverUtils.buildAlias(driver, undefined, alias, column) names a column as the query builder's SQL and raw rows do", async () => {
    const alias = DriverUtils.buildAlias(db.driver, undefined, 'product', 'price_cents');
    expect(alias).toBe('product_price_cents');
    const query = db.getRepository(Product).createQueryBuilder('product').select(['product.id', 'product.priceCents']).limit(1);
    expect(query.getQuery()).toContain(`"product"."price_cents" AS "${alias}"`);
    const [row] = await query.getRawMany();
    expect(Object.keys(row).sort()).toEqual(['product_id', 'product_price_cents']);
  });

  it('the driver escapes named parameters to $n with escapeQueryWithParameters(sql, parameters)', () => {
    expect(db.driver.escapeQueryWithParameters('SELECT :a, :b, :a', { a: 1, b: 'x' })).toEqual(['SELECT $1, $2, $1', [1, 'x']]);
  });

  it('a query builder made in a transaction holds its query runner in the protected `queryRunner`; one made outside holds none', async () => {
    expect(Reflect.get(services(), 'queryRunner')).toBeUndefined();
    await db.transaction(async (manager) => {
      const runner: QueryRunner | undefined = Reflect.get(manager.createQueryBuilder(Service, 'service'), 'queryRunner');
      expect(runner).toBe(manager.queryRunner);
    });
  });

  it('EntityMetadata.create(undefined, { fromDeserializer: true }), ColumnMetadata.setEntityValue and driver.prepareHydratedValue build an entity', () => {
    const metadata = db.getMetadata(Product);
    const entity = metadata.create(undefined, { fromDeserializer: true });
    expect(entity).toBeInstanceOf(Product);
    const price = metadata.findColumnWithPropertyName('priceCents')!;
    price.setEntityValue(entity, db.driver.prepareHydratedValue('4900', price));
    expect((entity as Product).priceCents).toBe(4900);
    expect(price).toMatchObject({ isVirtual: false, isSelect: true, type: 'bigint', databaseName: 'price_cents', propertyName: 'priceCents', embeddedMetadata: undefined });
  });
});
