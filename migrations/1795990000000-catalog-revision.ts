import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A revision number bumped by every statement that changes the products, so a server process can keep
 * the catalog between requests and know, from one value read with the caller's token, that it is current.
 */
export class CatalogRevision1795990000000 implements MigrationInterface {
  name = 'CatalogRevision1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "catalog_revision" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "revision" bigint NOT NULL DEFAULT 0)`);
    await queryRunner.query(`INSERT INTO "catalog_revision" DEFAULT VALUES`);
    await queryRunner.query(`CREATE FUNCTION "bump_catalog_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "catalog_revision" SET "revision" = "revision" + 1;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "products_bump_catalog_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "products"
      FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalog_revision"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "products_bump_catalog_revision" ON "products"`);
    await queryRunner.query(`DROP FUNCTION "bump_catalog_revision"()`);
    await queryRunner.query(`DROP TABLE "catalog_revision"`);
  }
}
