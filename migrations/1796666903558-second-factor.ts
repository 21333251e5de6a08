import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecondFactor1796666903558 implements MigrationInterface {
  name = 'SecondFactor1796666903558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fb82b2ac740ca095b617afad03" ON "recovery_codes"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_secret" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_pending_secret" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "users" ADD "totp_last_step" bigint`);
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD "second_factor_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "recovery_codes" ADD CONSTRAINT "FK_fb82b2ac740ca095b617afad031" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_fb82b2ac740ca095b617afad031"`);
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP COLUMN "second_factor_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_last_step"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_pending_secret"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "totp_secret"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fb82b2ac740ca095b617afad03"`);
    await queryRunner.query(`DROP TABLE "recovery_codes"`);
  }
}
