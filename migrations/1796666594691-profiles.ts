import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Profiles1796666594691 implements MigrationInterface {
  name = 'Profiles1796666594691';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "email_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "new_email" character varying(254) NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6626b2af49c359b24442c10bbb1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_38edd6558e3b8386e9297c2636" ON "email_changes"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_email_changes_secret_hash" ON "email_changes"  ("secret_hash") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "name" character varying(200) NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "users" ADD "locale" character varying(2)`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_locale" CHECK ("locale" IN ('it', 'en'))`);
    await queryRunner.query(`ALTER TABLE "email_changes" ADD CONSTRAINT "FK_38edd6558e3b8386e9297c2636e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "email_changes" DROP CONSTRAINT "FK_38edd6558e3b8386e9297c2636e"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_email_changes_secret_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_38edd6558e3b8386e9297c2636"`);
    await queryRunner.query(`DROP TABLE "email_changes"`);
  }
}
