import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The FatturaPA files and the SdI's notifications. Files are numbered from a sequence (unique, gaps allowed);
 * a file's XML, name, progressive and invoice never change and no file or notification is ever deleted:
 * triggers refuse it (legal retention is 10 years). Written by hand after the generated statements: the
 * sequence, the triggers and their functions, which TypeORM does not model.
 */
export class EInvoices1796664442892 implements MigrationInterface {
  name = 'EInvoices1796664442892';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "e_invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "file_name" character varying(50) NOT NULL, "progressive" bigint NOT NULL, "xml" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'TO_SEND', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" character varying(1000), "channel" character varying(16), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "superseded_by_id" uuid, CONSTRAINT "CHK_e_invoices_status" CHECK ("status" IN ('TO_SEND', 'SENT', 'DELIVERED', 'NOT_DELIVERABLE', 'REJECTED')), CONSTRAINT "PK_759ffc9dfec64500323be24278b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_e_invoices_file_name" ON "e_invoices"  ("file_name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_e_invoices_progressive" ON "e_invoices"  ("progressive") `);
    await queryRunner.query(`CREATE INDEX "IDX_e_invoices_current_status_created" ON "e_invoices"  ("status", "created_at", "id") WHERE "superseded_by_id" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_e_invoices_current_created" ON "e_invoices"  ("created_at", "id") WHERE "superseded_by_id" IS NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_e_invoices_due" ON "e_invoices"  ("next_attempt_at") WHERE "status" = 'TO_SEND'`);
    await queryRunner.query(`CREATE INDEX "IDX_e_invoices_invoice" ON "e_invoices"  ("invoice_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_e_invoices_current" ON "e_invoices"  ("invoice_id") WHERE "superseded_by_id" IS NULL`);
    await queryRunner.query(`CREATE TABLE "sdi_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "e_invoice_id" uuid NOT NULL, "kind" character varying(2) NOT NULL, "file_name" character varying(100) NOT NULL, "identificativo_sdi" character varying(12) NOT NULL, "message_id" character varying(14) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "errors" jsonb NOT NULL DEFAULT '[]', "xml" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_sdi_notifications_kind" CHECK ("kind" IN ('RC', 'NS', 'MC')), CONSTRAINT "PK_5d5442d661796cb90046f21848a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sdi_notifications_message_id" ON "sdi_notifications"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_sdi_notifications_e_invoice" ON "sdi_notifications"  ("e_invoice_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "e_invoices" ADD CONSTRAINT "FK_337e1f7d5cb562fec58d692799c" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "e_invoices" ADD CONSTRAINT "FK_2eb3b3f0575b18c433823391bcd" FOREIGN KEY ("superseded_by_id") REFERENCES "e_invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await queryRunner.query(`ALTER TABLE "sdi_notifications" ADD CONSTRAINT "FK_e8283801198127314f9c2223f72" FOREIGN KEY ("e_invoice_id") REFERENCES "e_invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE SEQUENCE "e_invoice_file_seq" AS bigint MINVALUE 1 MAXVALUE 60466175`);
    await queryRunner.query(`CREATE FUNCTION "e_invoices_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'e-invoice % is kept: files are never deleted', OLD.file_name USING ERRCODE = 'restrict_violation';
        END IF;
        IF NEW.xml IS DISTINCT FROM OLD.xml OR NEW.file_name IS DISTINCT FROM OLD.file_name
          OR NEW.progressive IS DISTINCT FROM OLD.progressive OR NEW.invoice_id IS DISTINCT FROM OLD.invoice_id
          OR (OLD.superseded_by_id IS NOT NULL AND NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id) THEN
          RAISE EXCEPTION 'e-invoice % is immutable: its XML, file name, progressive, invoice and successor never change', OLD.file_name
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "e_invoices_immutable" BEFORE UPDATE OR DELETE ON "e_invoices" FOR EACH ROW EXECUTE FUNCTION "e_invoices_immutable"()`);
    await queryRunner.query(`CREATE FUNCTION "sdi_notifications_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'SdI notification % is immutable and kept', OLD.message_id USING ERRCODE = 'restrict_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "sdi_notifications_immutable" BEFORE UPDATE OR DELETE ON "sdi_notifications" FOR EACH ROW EXECUTE FUNCTION "sdi_notifications_immutable"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "sdi_notifications_immutable" ON "sdi_notifications"`);
    await queryRunner.query(`DROP FUNCTION "sdi_notifications_immutable"()`);
    await queryRunner.query(`DROP TRIGGER "e_invoices_immutable" ON "e_invoices"`);
    await queryRunner.query(`DROP FUNCTION "e_invoices_immutable"()`);
    await queryRunner.query(`DROP SEQUENCE "e_invoice_file_seq"`);
    await queryRunner.query(`ALTER TABLE "sdi_notifications" DROP CONSTRAINT "FK_e8283801198127314f9c2223f72"`);
    await queryRunner.query(`ALTER TABLE "e_invoices" DROP CONSTRAINT "FK_2eb3b3f0575b18c433823391bcd"`);
    await queryRunner.query(`ALTER TABLE "e_invoices" DROP CONSTRAINT "FK_337e1f7d5cb562fec58d692799c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sdi_notifications_e_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sdi_notifications_message_id"`);
    await queryRunner.query(`DROP TABLE "sdi_notifications"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_e_invoices_current"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e_invoices_invoice"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e_invoices_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e_invoices_current_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e_invoices_current_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_e_invoices_progressive"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_e_invoices_file_name"`);
    await queryRunner.query(`DROP TABLE "e_invoices"`);
  }
}
