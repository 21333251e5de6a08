import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { QueryExpressionMap } from 'typeorm/query-builder/QueryExpressionMap.js';
import type { Driver } from 'typeorm/driver/Driver.js';
import { DriverUtils } from 'typeorm/driver/DriverUtils.js';
import { memoPerObject } from '@/lib/memo';
import { queryDirect, queryPrepared } from './prepared';

// Column types whose value node-postgres already returns as the entity holds it (dates are kept as
// strings by the type parser in data-source.ts); any other type goes through the driver.
const AS_RETURNED = new Set(['uuid', 'varchar', 'character varying', 'text', 'int', 'integer', 'int4', 'smallint', 'boolean', 'date', 'timestamptz', 'timestamp with time zone']);

type RowMapper = (row: Record<string, unknown>) => ObjectLiteral;
const mappers = memoPerObject<EntityMetadata, string, RowMapper>();

function rowMapper(driver: Driver, metadata: EntityMetadata, alias: string): RowMapper {
  const columns = metadata.columns.filter((column) => !column.isVirtual).map((column) => ({
    column,
    key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
    asReturned: AS_RETURNED.has(String(column.type)) && !column.transformer && !column.embeddedMetadata,
  }));
  return (row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true });
    for (const { column, key, asReturned } of columns) {
      const value = row[key];
      if (value === undefined) continue;
      if (asReturned) entity[column.propertyName] = value;
      else column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  };
}

// Past this many shapes per database, SQL is built for each query: the columns a GraphQL query reads
// make the shapes, so their number must not grow with what callers ask for.
const sqlByShape = memoPerObject<DataSource, string, string>({ maxKeys: 512 });
const CHECK_CACHED_SQL = process.env.NODE_ENV !== 'production';

/**
 * All that a one-entity query's SQL text depends on, its parameters' values aside: the entity, alias,
 * columns, conditions, order and limits. Null for a query that uses anything else (CTEs, grouping,
 * locks, brackets…), whose SQL is built each time.
 */
function shapeOf(map: QueryExpressionMap): string | null {
  const plain = !map.commonTableExpressions.length && !map.groupBys.length && !map.havings.length && !map.lockMode
    && !map.selectDistinct && !map.selectDistinctOn.length && !map.subQuery && !map.useIndex && !map.comment
    && !map.relationIdAttributes.length && !map.extraAppendedAndWhereCondition && map.wheres.every((where) => typeof where.condition === 'string');
  if (!plain) return null;
  return JSON.stringify([map.mainAlias!.metadata.name, map.mainAlias!.name, map.selects, map.wheres, map.orderBys, map.limit, map.offset,
    map.take, map.skip, map.withDeleted, map.aliasNamePrefixingEnabled, map.disableEscaping]);
}

/**
 * The query's SQL, built by TypeORM once per shape: turning its property paths into columns costs more
 * than running a page's statement. Outside production every cached text is checked against a fresh build.
 */
function sqlOf(query: SelectQueryBuilder<ObjectLiteral>): string {
  const shape = shapeOf(query.expressionMap);
  if (shape === null) return query.getQuery();
  const sql = sqlByShape(query.connection, shape, () => query.getQuery());
  if (CHECK_CACHED_SQL && query.getQuery() !== sql) throw new Error(`The SQL cached for the shape ${shape} is not what the query builds`);
  return sql;
}

/**
 * `getMany()` for a query that selects the columns of one entity, without joins: the same SQL (built
 * once per shape of query), with the entities built straight from the rows. TypeORM's general
 * hydration (grouping rows by primary key for joined relations, a driver conversion per value) costs
 * more than the query itself on a page of a few hundred rows. With `prepared`, the statement runs
 * prepared (`queryPrepared`): only for lookups whose best plan does not depend on the values.
 */
export async function selectEntities<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, { prepared = false } = {}): Promise<T[]> {
  const { mainAlias: main, joinAttributes, cache, useTransaction } = query.expressionMap;
  if (joinAttributes.length || !main?.hasMetadata || main.metadata.discriminatorColumn || cache || useTransaction) {
    throw new Error('selectEntities takes a query of one entity, without joins, inheritance, result cache or transaction of its own');
  }
  const [sql, parameters] = query.connection.driver.escapeQueryWithParameters(sqlOf(query), query.getParameters());
  // A builder made inside a transaction holds that transaction's query runner (TypeORM keeps it protected).
  const runner = Reflect.get(query, 'queryRunner') as QueryRunner | undefined;
  const rows = await (prepared ? queryPrepared : queryDirect)<Record<string, unknown>>(runner ?? query.connection, sql, parameters);
  const map = mappers(main.metadata, main.name, () => rowMapper(query.connection.driver, main.metadata, main.name));
  return rows.map(map) as T[];
}

/**
 * Narrows the query's main entity to these properties (null: every column), for a caller that
 * knows which ones will be read; the entities built have only those set.
 */
export function selectingOnly<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, properties: readonly string[] | null): SelectQueryBuilder<T> {
  if (!properties) return query;
  const alias = query.expressionMap.mainAlias!.name;
  return query.select(properties.map((property) => `${alias}.${property}`));
}

/**
 * For a statement written by hand: the columns of an entity as the query builder selects them under
 * `alias` (`"alias"."column" AS "alias_column"`), and the entity built from such a row.
 */
export function columnsAs(db: DataSource, target: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = db.getMetadata(target);
  return metadata.columns.filter((column) => column.isSelect && !column.isVirtual)
    .map((column) => `"${alias}"."${column.databaseName}" AS "${DriverUtils.buildAlias(db.driver, undefined, alias, column.databaseName)}"`).join(', ');
}

export function entityFromRow<T extends ObjectLiteral>(db: DataSource, target: EntityTarget<T>, alias: string, row: Record<string, unknown>): T {
  const metadata = db.getMetadata(target);
  return mappers(metadata, alias, () => rowMapper(db.driver, metadata, alias))(row) as T;
}
