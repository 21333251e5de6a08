import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginAttempts1795978766616 implements MigrationInterface {
  name = 'LoginAttempts1795978766616';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "address" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_070e613c8f768b1a70742705c5b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_login_attempts_address_created" ON "login_attempts"  ("address", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_login_attempts_email_created" ON "login_attempts"  ("email", "created_at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_account_created"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_account_created" ON "audit_events"  ("account_id", "created_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_events_account_created"`);
    await queryRunner.query(`ALTER TABLE "audit_events" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_events_account_created" ON "audit_events" USING btree ("account_id", "created_at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_email_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_address_created"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
