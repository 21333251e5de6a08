import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes (TD04) are invoices of kind CREDIT_NOTE: no order, the invoice they correct and a reason.
 * Card payments can be refunded: status REFUNDED with when and the provider's refund id; the test
 * processor's intents record their refund as Stripe records a PaymentIntent's.
 */
export class CreditNotesAndRefunds1796664348103 implements MigrationInterface {
  name = 'CreditNotesAndRefunds1796664348103';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" ADD "kind" character varying(12) NOT NULL DEFAULT 'INVOICE'`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "corrects_invoice_id" uuid`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD "reason" character varying(500)`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "refunded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "refund_reference" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "test_card_intents" ADD "refund_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "test_card_intents" ADD "refunded_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "order_id" DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_invoices_corrects" ON "invoices"  ("corrects_invoice_id") `);
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "CHK_invoices_kind" CHECK (("kind" = 'INVOICE' AND "order_id" IS NOT NULL AND "corrects_invoice_id" IS NULL AND "reason" IS NULL) OR ("kind" = 'CREDIT_NOTE' AND "order_id" IS NULL AND "corrects_invoice_id" IS NOT NULL AND "reason" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "CHK_payments_status"`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "CHK_payments_status" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED', 'REFUNDED'))`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "CHK_payments_refund" CHECK (("status" = 'REFUNDED') = ("refunded_at" IS NOT NULL AND "refund_reference" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_c7b589d4d30ca930fed71b8e4aa" FOREIGN KEY ("corrects_invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_c7b589d4d30ca930fed71b8e4aa"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "CHK_payments_refund"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "CHK_payments_status"`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "CHK_payments_status" CHECK ("status" IN ('PENDING', 'SUCCEEDED', 'FAILED'))`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "CHK_invoices_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_invoices_corrects"`);
    await queryRunner.query(`ALTER TABLE "invoices" ALTER COLUMN "order_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "test_card_intents" DROP COLUMN "refunded_at"`);
    await queryRunner.query(`ALTER TABLE "test_card_intents" DROP COLUMN "refund_id"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "refund_reference"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "refunded_at"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "corrects_invoice_id"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "kind"`);
  }
}
