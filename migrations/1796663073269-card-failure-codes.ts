import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A failed card payment keeps the processor's code (Stripe's decline_code or code), not its English
 * message: the portal and the emails say it in the customer's language (domain/card-declines.ts).
 * The messages recorded so far become the codes they stood for.
 */
const toCode = (column: string) => `CASE
  WHEN "${column}" = 'Your card was declined.' THEN 'generic_decline'
  WHEN "${column}" = 'Your card has insufficient funds.' THEN 'insufficient_funds'
  WHEN "${column}" = 'Your card has expired.' THEN 'expired_card'
  WHEN "${column}" LIKE 'Your card number is incorrect%' THEN 'incorrect_number'
  WHEN "${column}" = 'The payment was cancelled.' THEN 'payment_canceled'
  WHEN "${column}" = 'collected for an order no longer awaiting payment: refund due' THEN 'order_not_payable'
  WHEN "${column}" = 'amount collected differs from the order total: refund due' THEN 'amount_mismatch'
  ELSE 'unknown' END`;

export class CardFailureCodes1796663073269 implements MigrationInterface {
  name = 'CardFailureCodes1796663073269';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "payments" SET "failure_reason" = ${toCode('failure_reason')} WHERE "failure_reason" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "payments" RENAME COLUMN "failure_reason" TO "failure_code"`);
    await queryRunner.query(`ALTER TABLE "payments" ALTER COLUMN "failure_code" TYPE character varying(64)`);
    await queryRunner.query(`UPDATE "orders" SET "payment_failure_reason" = ${toCode('payment_failure_reason')} WHERE "payment_failure_reason" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "orders" RENAME COLUMN "payment_failure_reason" TO "payment_failure_code"`);
    await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "payment_failure_code" TYPE character varying(64)`);
    await queryRunner.query(`UPDATE "test_card_intents" SET "last_error" = ${toCode('last_error')} WHERE "last_error" IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "payment_failure_code" TYPE character varying(500)`);
    await queryRunner.query(`ALTER TABLE "orders" RENAME COLUMN "payment_failure_code" TO "payment_failure_reason"`);
    await queryRunner.query(`ALTER TABLE "payments" ALTER COLUMN "failure_code" TYPE character varying(500)`);
    await queryRunner.query(`ALTER TABLE "payments" RENAME COLUMN "failure_code" TO "failure_reason"`);
  }
}
