import type { MigrationInterface, QueryRunner } from 'typeorm';

export class QuoteFreeDays1795977940515 implements MigrationInterface {
  name = 'QuoteFreeDays1795977940515';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotes" ADD "free_days" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotes" DROP COLUMN "free_days"`);
  }
}
