import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderPlacedOnAndPayments1795978272919 implements MigrationInterface {
  name = 'OrderPlacedOnAndPayments1795978272919';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_account_created"`);
    await queryRunner.query(`CREATE TABLE "test_card_intents" ("id" character varying(64) NOT NULL, "idempotency_key" character varying(100) NOT NULL, "client_secret" character varying(128) NOT NULL, "amount_cents" bigint NOT NULL, "metadata" jsonb NOT NULL, "status" character varying(32) NOT NULL DEFAULT 'requires_payment_method', "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_test_card_intents_status" CHECK ("status" IN ('requires_payment_method', 'succeeded')), CONSTRAINT "PK_8e886adbe9a5deef4d9ba60b42f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_test_card_intents_idempotency_key" ON "test_card_intents"  ("idempotency_key") `);
    await queryRunner.query(`CREATE TABLE "webhook_events" ("id" character varying(255) NOT NULL, "type" character varying(100) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4cba37e6a0acb5e1fc49c34ebfd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "orders" ADD "placed_on" date`);
    await queryRunner.query(`UPDATE "orders" SET "placed_on" = ("created_at" AT TIME ZONE 'Europe/Rome')::date`);
    await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "placed_on" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_orders_account_placed" ON "orders"  ("account_id", "placed_on", "code") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_orders_account_placed"`);
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "placed_on"`);
    await queryRunner.query(`DROP TABLE "webhook_events"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_test_card_intents_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "test_card_intents"`);
    await queryRunner.query(`CREATE INDEX "IDX_orders_account_created" ON "orders" USING btree ("account_id", "created_at") `);
  }
}
