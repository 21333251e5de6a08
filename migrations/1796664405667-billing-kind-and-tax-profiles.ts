import type { MigrationInterface, QueryRunner } from 'typeorm';

const PROFILE_CHECK = `CHECK ("tax_profile" IN ('IT_CONSUMER', 'IT_BUSINESS', 'EU_BUSINESS', 'NON_EU_BUSINESS', 'FOREIGN_CONSUMER'))`;
const RATE_CHECK = `CHECK (("vat_rate_percent" = 22 AND "vat_natura" IS NULL) OR ("vat_rate_percent" = 0 AND "vat_natura" = 'N2.1' AND "vat_cents" = 0))`;
const ITALIAN_PROFILE = (vatNumber: string) => `CASE WHEN ${vatNumber} IS NULL THEN 'IT_CONSUMER' ELSE 'IT_BUSINESS' END`;

/**
 * Billing data as a person (first and last name) or a company, and the tax profile fixed on quotes, orders and
 * invoices. Existing accounts are companies when they have a VAT number, persons otherwise (their name split at
 * the first space); existing documents were all Italian at 22%, for a business when the account had a VAT number.
 * Address columns are widened in place (not dropped and added) to the lengths the billing rules accept.
 */
export class BillingKindAndTaxProfiles1796664405667 implements MigrationInterface {
  name = 'BillingKindAndTaxProfiles1796664405667';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "billing_kind" character varying(8) NOT NULL DEFAULT 'PERSON'`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "first_name" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD "last_name" character varying(60)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "vat_number" TYPE character varying(28)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "postal_code" TYPE character varying(12)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "city" TYPE character varying(200)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "province" TYPE character varying(60)`);
    await queryRunner.query(`UPDATE "accounts" SET "billing_kind" = 'COMPANY' WHERE "vat_number" IS NOT NULL`);
    await queryRunner.query(`UPDATE "accounts" SET "first_name" = left(split_part("name", ' ', 1), 60),
      "last_name" = left(NULLIF(substr("name", length(split_part("name", ' ', 1)) + 2), ''), 60) WHERE "billing_kind" = 'PERSON'`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD CONSTRAINT "CHK_accounts_billing_kind" CHECK ("billing_kind" IN ('PERSON', 'COMPANY'))`);

    for (const table of ['quotes', 'orders', 'invoices']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "tax_profile" character varying(20) NOT NULL DEFAULT 'IT_CONSUMER'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "vat_rate_percent" integer NOT NULL DEFAULT '22'`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "vat_natura" character varying(4)`);
    }
    await queryRunner.query(`UPDATE "quotes" "q" SET "tax_profile" = ${ITALIAN_PROFILE('"a"."vat_number"')}
      FROM "services" "s" JOIN "accounts" "a" ON "a"."id" = "s"."account_id" WHERE "s"."id" = "q"."service_id"`);
    await queryRunner.query(`UPDATE "orders" "o" SET "tax_profile" = ${ITALIAN_PROFILE('"a"."vat_number"')} FROM "accounts" "a" WHERE "a"."id" = "o"."account_id"`);
    await queryRunner.query(`UPDATE "invoices" SET "tax_profile" = ${ITALIAN_PROFILE(`NULLIF("billing"->>'vatNumber', '')`)}`);
    for (const table of ['quotes', 'orders', 'invoices']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "CHK_${table}_tax_profile" ${PROFILE_CHECK}`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "CHK_${table}_vat_rate" ${RATE_CHECK}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['invoices', 'quotes', 'orders']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CHK_${table}_tax_profile"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "CHK_${table}_vat_rate"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "vat_natura"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "vat_rate_percent"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "tax_profile"`);
    }
    await queryRunner.query(`ALTER TABLE "accounts" DROP CONSTRAINT "CHK_accounts_billing_kind"`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "province" TYPE character varying(2)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "city" TYPE character varying(100)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "postal_code" TYPE character varying(10)`);
    await queryRunner.query(`ALTER TABLE "accounts" ALTER COLUMN "vat_number" TYPE character varying(20)`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "last_name"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "first_name"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "billing_kind"`);
  }
}
