import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhooksAndCalendarFeeds1796672472977 implements MigrationInterface {
  name = 'WebhooksAndCalendarFeeds1796672472977';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_feeds" ("account_id" uuid NOT NULL, "nonce" character varying(64) NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fddb14aa3929589652072f3fce3" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_feeds_secret_hash" ON "calendar_feeds"  ("secret_hash") `);
    await queryRunner.query(`CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "events" character varying(40) array NOT NULL, "secret" character varying(100) NOT NULL, "previous_secret" character varying(100), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_endpoints_account" ON "webhook_endpoints"  ("account_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endpoint_id" uuid NOT NULL, "message_id" character varying(40) NOT NULL, "event_type" character varying(40) NOT NULL, "event_key" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'PENDING', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" character varying(1000), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_webhook_deliveries_status" CHECK ("status" IN ('PENDING', 'DELIVERED', 'FAILED')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_deliveries_pending" ON "webhook_deliveries"  ("next_attempt_at") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_deliveries_endpoint_created" ON "webhook_deliveries"  ("endpoint_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_webhook_deliveries_endpoint_event" ON "webhook_deliveries"  ("endpoint_id", "event_key") `);
    await queryRunner.query(`CREATE TABLE "webhook_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery_id" uuid NOT NULL, "attempted_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status_code" integer, "duration_ms" integer NOT NULL, "response_excerpt" character varying(1024), "error" character varying(1000), CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_webhook_attempts_delivery" ON "webhook_attempts"  ("delivery_id", "attempted_at") `);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_fddb14aa3929589652072f3fce3" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "FK_4d6b730495c4aea409766707c49" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_0d56d91d61b827bb2079c256538" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_attempts" DROP CONSTRAINT "FK_0d56d91d61b827bb2079c256538"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c"`);
    await queryRunner.query(`ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "FK_4d6b730495c4aea409766707c49"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_fddb14aa3929589652072f3fce3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_attempts_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_webhook_deliveries_endpoint_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_endpoint_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_pending"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_endpoints_account"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calendar_feeds_secret_hash"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
  }
}
