import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** Applies the pending migrations, each in its own transaction; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts every applied migration, newest first. */
export async function migrateDownAll(url: string): Promise<number> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  let reverted = 0;
  try {
    while ((await dataSource.query(`SELECT count(*)::int AS n FROM "migrations"`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted += 1;
    }
    return reverted;
  } finally {
    await dataSource.destroy();
  }
}
