import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dataSourceOptions } from '@/lib/db/data-source';
import { migrate, runPendingMigrations } from '@/lib/db/migrate';
import { MIGRATIONS } from '@/migrations';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase({ empty: true });

/** How a migration builds an index on a large table: CONCURRENTLY, outside a transaction. */
class ConcurrentIndexExample1899999999999 implements MigrationInterface {
  name = 'ConcurrentIndexExample1899999999999';
  transaction = false as const;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "IDX_orders_example"`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_orders_example" ON "orders" ("status", "code")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY "IDX_orders_example"`);
  }
}

describe('migrating a database in use', () => {
  it('applies each migration once when several instances start at the same time', async () => {
    const runs = await Promise.all([migrate(database.url()), migrate(database.url()), migrate(database.url())]);
    expect(runs.map((applied) => applied.length).sort((a, b) => b - a)).toEqual([MIGRATIONS.length, 0, 0]);
  });

  it('runs a migration with `transaction = false` outside a transaction: its index is built CONCURRENTLY, valid', async () => {
    const dataSource = await new DataSource({ ...dataSourceOptions(database.url()), migrations: [...MIGRATIONS, ConcurrentIndexExample1899999999999] }).initialize();
    try {
      expect(await runPendingMigrations(dataSource)).toEqual(['ConcurrentIndexExample1899999999999']);
      expect(await dataSource.query(`SELECT i.indisvalid AS "valid" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'IDX_orders_example'`)).toEqual([{ valid: true }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
