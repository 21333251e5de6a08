import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Order codes take their number from a sequence (no lock, gaps allowed); the counter rows keep invoices only. */
export class OrderNumberSequence1795981380499 implements MigrationInterface {
  name = 'OrderNumberSequence1795981380499';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "order_number_seq" AS integer MINVALUE 1`);
    await queryRunner.query(`SELECT setval('order_number_seq', COALESCE((SELECT max(substring("code" FROM 10)::int) FROM "orders"), 0) + 1, false)`);
    await queryRunner.query(`DELETE FROM "document_counters" WHERE "series" = 'ORDER'`);
    await queryRunner.query(`ALTER TABLE "document_counters" DROP CONSTRAINT "CHK_document_counters_series"`);
    await queryRunner.query(`ALTER TABLE "document_counters" ADD CONSTRAINT "CHK_document_counters_series" CHECK ("series" IN ('INVOICE'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "document_counters" DROP CONSTRAINT "CHK_document_counters_series"`);
    await queryRunner.query(`ALTER TABLE "document_counters" ADD CONSTRAINT "CHK_document_counters_series" CHECK ("series" IN ('ORDER', 'INVOICE'))`);
    await queryRunner.query(`INSERT INTO "document_counters" ("series", "year", "last_value")
      SELECT 'ORDER', substring("code" FROM 5 FOR 4)::int, max(substring("code" FROM 10)::int) FROM "orders" GROUP BY 2`);
    await queryRunner.query(`DROP SEQUENCE "order_number_seq"`);
  }
}
