import 'reflect-metadata';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from '@/entities';
import { MIGRATIONS } from '@/migrations';
import { databaseUrl, dbPoolSize } from '@/lib/config';

// Calendar dates stay `YYYY-MM-DD` strings: parsed into a JS Date they would shift with the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: dbPoolSize() },
    logging: process.env.DB_LOG === 'all' ? 'all' : process.env.DB_LOG === 'off' ? false : ['error'],
  };
}

interface Cached { url: string; entities: unknown[]; dataSource: Promise<DataSource> }
const cache = globalThis as typeof globalThis & { __pannelloDataSource?: Cached };

/** One DataSource per process, rebuilt when the URL or the entity classes change (dev hot reload). */
export function getDataSource(): Promise<DataSource> {
  const url = databaseUrl();
  const current = cache.__pannelloDataSource;
  if (current && current.url === url && current.entities.every((entity, i) => entity === ENTITIES[i])) {
    return current.dataSource;
  }
  if (current) void current.dataSource.then((old) => old.destroy()).catch(() => undefined);
  const dataSource = new DataSource(dataSourceOptions(url)).initialize();
  cache.__pannelloDataSource = { url, entities: [...ENTITIES], dataSource };
  dataSource.catch(() => { if (cache.__pannelloDataSource?.dataSource === dataSource) delete cache.__pannelloDataSource; });
  return dataSource;
}

export async function closeDataSource(): Promise<void> {
  const current = cache.__pannelloDataSource;
  delete cache.__pannelloDataSource;
  if (current) await (await current.dataSource).destroy();
}
