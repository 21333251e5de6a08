import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password reset email was stored and listed with its link, so whoever could read a client's
 * messages (its reseller, the back office) could set the client's password. A message that carries
 * a secret now keeps it in `deliverable`, for the delivery worker only, cleared once it is not PENDING.
 * The messages already written: a pending one is delivered from `deliverable`; in every stored copy
 * the link's token is withheld.
 */
export class NotificationSecretsForTheMailboxOnly1796663493379 implements MigrationInterface {
  name = 'NotificationSecretsForTheMailboxOnly1796663493379';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "deliverable" jsonb`);
    await queryRunner.query(`UPDATE "notifications" SET "deliverable" = jsonb_build_object('subject', "subject", 'text', "body_text", 'html', "body_html")
      WHERE "template" = 'PASSWORD_RESET' AND "status" = 'PENDING'`);
    await queryRunner.query(`UPDATE "notifications" SET "body_text" = regexp_replace("body_text", '(token=)[A-Za-z0-9_-]+', '\\1withheld', 'g'),
      "body_html" = regexp_replace("body_html", '(token=)[A-Za-z0-9_-]+', '\\1withheld', 'g'),
      "data" = regexp_replace("data"::text, '(token=)[A-Za-z0-9_-]+', '\\1withheld', 'g')::jsonb
      WHERE "template" = 'PASSWORD_RESET'`);
    await queryRunner.query(`ALTER TABLE "notifications" ADD CONSTRAINT "CHK_notifications_deliverable_pending" CHECK ("deliverable" IS NULL OR "status" = 'PENDING')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "CHK_notifications_deliverable_pending"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "deliverable"`);
  }
}
