import { DataSource, type MigrationInterface } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** Taken for the length of a migration run: instances starting together apply each migration once. */
const MIGRATION_LOCK = `hashtext('pannello.migrations')`;

async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      return await work();
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    await lock.release();
  }
}

/**
 * Applies the pending migrations of `dataSource`, each in its own transaction unless it says
 * `transaction = false` (an index built CONCURRENTLY cannot be); returns their names. Another
 * process migrating the same database at the same time is waited for.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  return applied.map((migration) => migration.name);
}

/** Applies the pending migrations (`runPendingMigrations`); returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    return await runPendingMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts every applied migration, newest first, each in a transaction unless it says `transaction = false`. */
export async function migrateDownAll(url: string): Promise<number> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  let reverted = 0;
  try {
    const byName = new Map(dataSource.migrations.map((migration) => [migration.name ?? migration.constructor.name, migration]));
    for (;;) {
      // The one TypeORM reverts next: the last applied.
      const [last] = await dataSource.query(`SELECT "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1`);
      if (!last) return reverted;
      const migration: MigrationInterface | undefined = byName.get(last.name);
      await dataSource.undoLastMigration({ transaction: migration?.transaction === false ? 'none' : 'each' });
      reverted += 1;
    }
  } finally {
    await dataSource.destroy();
  }
}
