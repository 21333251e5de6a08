import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationTimesToTheMillisecond1795978634666 implements MigrationInterface {
  name = 'NotificationTimesToTheMillisecond1795978634666';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_account_created"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_account_created" ON "notifications"  ("account_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_account_created"`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_account_created" ON "notifications" USING btree ("account_id", "created_at") `);
  }
}
