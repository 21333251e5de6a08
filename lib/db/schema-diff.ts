import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

export interface SchemaDiff { up: string[]; down: string[] }

/** What the entities declare that the migrated database lacks (empty when they agree). */
export async function schemaDiff(url: string): Promise<SchemaDiff> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const render = (query: { query: string; parameters?: unknown[] }) =>
      query.parameters?.length ? `${query.query} -- ${JSON.stringify(query.parameters)}` : query.query;
    return { up: sql.upQueries.map(render), down: sql.downQueries.map(render).reverse() };
  } finally {
    await dataSource.destroy();
  }
}
