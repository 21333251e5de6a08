import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An index in the order of each list that can grow past one account's rows (a reseller's clients, and
 * the back office's accounts, expiry schedule, orders and support's cancellations), so a page reads
 * its own rows instead of sorting the whole table. The reseller index replaces the one on reseller_id.
 */
export class ListOrderIndexes1795996109246 implements MigrationInterface {
  name = 'ListOrderIndexes1795996109246';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_081ff339c06a18a8bc920cdb21"`);
    await queryRunner.query(`CREATE INDEX "IDX_accounts_name" ON "accounts"  ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_accounts_reseller_name" ON "accounts"  ("reseller_id", "name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_services_expiry" ON "services"  ("expires_on", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_orders_placed" ON "orders"  ("placed_on", "code") `);
    await queryRunner.query(`CREATE INDEX "IDX_cancellations_status_effective" ON "cancellations"  ("status", "effective_on", "id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_cancellations_status_effective"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_placed"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_services_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_accounts_reseller_name"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_accounts_name"`);
    await queryRunner.query(`CREATE INDEX "IDX_081ff339c06a18a8bc920cdb21" ON "accounts" USING btree ("reseller_id") `);
  }
}
