import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountRoles1796667566693 implements MigrationInterface {
  name = 'AccountRoles1796667566693';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "secret_hash" character(64) NOT NULL, "invited_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_84433480afca16f777aed2c445" ON "invitations"  ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_invitations_secret_hash" ON "invitations"  ("secret_hash") `);
    await queryRunner.query(`ALTER TABLE "users" ADD "account_role" character varying(16)`);
    // Every login made before roles existed owns its account.
    await queryRunner.query(`UPDATE "users" SET "account_role" = 'OWNER' WHERE "role" = 'USER'`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_account_role" CHECK (("role" = 'ADMIN' AND "account_role" IS NULL) OR ("role" = 'USER' AND "account_role" IN ('OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY')))`);
    await queryRunner.query(`ALTER TABLE "invitations" ADD CONSTRAINT "FK_84433480afca16f777aed2c445c" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitations" DROP CONSTRAINT "FK_84433480afca16f777aed2c445c"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_account_role"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "account_role"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_invitations_secret_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_84433480afca16f777aed2c445"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
  }
}
