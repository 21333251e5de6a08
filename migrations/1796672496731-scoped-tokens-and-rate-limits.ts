import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScopedTokensAndRateLimits1796672496731 implements MigrationInterface {
  name = 'ScopedTokensAndRateLimits1796672496731';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "scopes" character varying(32) array`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "client_id" uuid`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "expires_on" date`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "rate_window_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD "rate_used" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD "rate_window_started_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "user_sessions" ADD "rate_used" integer NOT NULL DEFAULT '0'`);
    // Checked without blocking writes to api_tokens: every existing row has no client.
    await queryRunner.query(`ALTER TABLE "api_tokens" ADD CONSTRAINT "FK_598309ba819f7f2702d8d32bb12" FOREIGN KEY ("client_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID`);
    await queryRunner.query(`ALTER TABLE "api_tokens" VALIDATE CONSTRAINT "FK_598309ba819f7f2702d8d32bb12"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP CONSTRAINT "FK_598309ba819f7f2702d8d32bb12"`);
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP COLUMN "rate_used"`);
    await queryRunner.query(`ALTER TABLE "user_sessions" DROP COLUMN "rate_window_started_at"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "rate_used"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "rate_window_started_at"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "expires_on"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "client_id"`);
    await queryRunner.query(`ALTER TABLE "api_tokens" DROP COLUMN "scopes"`);
  }
}
