import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LifecycleRuns1795978400557 implements MigrationInterface {
  name = 'LifecycleRuns1795978400557';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "lifecycle_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "date" date NOT NULL, "reminders" integer NOT NULL, "deactivations" integer NOT NULL, "cancelled_orders" integer NOT NULL, "duration_ms" integer NOT NULL, "actor_label" character varying(254) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_lifecycle_runs_counts" CHECK ("reminders" >= 0 AND "deactivations" >= 0 AND "cancelled_orders" >= 0 AND "duration_ms" >= 0), CONSTRAINT "PK_3fb582b0453377ffbeee23e6107" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8889dd41d94750a256bdadbdb6" ON "lifecycle_runs"  ("date") `);
    await queryRunner.query(`CREATE INDEX "IDX_lifecycle_runs_started" ON "lifecycle_runs"  ("started_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_notifications_created" ON "notifications"  ("created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notifications_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_lifecycle_runs_started"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8889dd41d94750a256bdadbdb6"`);
    await queryRunner.query(`DROP TABLE "lifecycle_runs"`);
  }
}
