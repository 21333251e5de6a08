import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupportTickets1796672457969 implements MigrationInterface {
  name = 'SupportTickets1796672457969';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "department" character varying(16) NOT NULL, "priority" character varying(8) NOT NULL DEFAULT 'NORMAL', "status" character varying(16) NOT NULL DEFAULT 'OPEN', "kind" character varying(16) NOT NULL DEFAULT 'REQUEST', "service_id" uuid, "order_id" uuid, "cancellation_id" uuid, "opened_by_user_id" uuid, "assigned_to_user_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_activity_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_tickets_cancellation" CHECK (("kind" = 'CANCELLATION') = ("cancellation_id" IS NOT NULL)), CONSTRAINT "CHK_tickets_closed" CHECK (("status" = 'CLOSED') = ("closed_at" IS NOT NULL)), CONSTRAINT "CHK_tickets_kind" CHECK ("kind" IN ('REQUEST', 'CANCELLATION')), CONSTRAINT "CHK_tickets_status" CHECK ("status" IN ('OPEN', 'ANSWERED', 'CUSTOMER_REPLIED', 'CLOSED')), CONSTRAINT "CHK_tickets_priority" CHECK ("priority" IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')), CONSTRAINT "CHK_tickets_department" CHECK ("department" IN ('TECHNICAL', 'BILLING', 'SALES')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e460ec1588e906d63ce17f514d" ON "tickets"  ("service_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_tickets_cancellation" ON "tickets"  ("cancellation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_52834a52e1d3e921bbf7b234f1" ON "tickets"  ("assigned_to_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_activity" ON "tickets"  ("last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_status_activity" ON "tickets"  ("status", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_account_activity" ON "tickets"  ("account_id", "last_activity_at", "id") `);
    await queryRunner.query(`CREATE TABLE "ticket_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "author_user_id" uuid, "author_label" character varying(254) NOT NULL, "from_support" boolean NOT NULL DEFAULT false, "internal" boolean NOT NULL DEFAULT false, "channel" character varying(16) NOT NULL DEFAULT 'PORTAL', "body" text NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_ticket_messages_note" CHECK (NOT "internal" OR "from_support"), CONSTRAINT "CHK_ticket_messages_channel" CHECK ("channel" IN ('PORTAL', 'EMAIL', 'SYSTEM')), CONSTRAINT "PK_37beb692dedf7eccb4e519ccec1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3e88c03ef5510fba29faf03fc8" ON "ticket_messages"  ("author_user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ticket_messages_thread" ON "ticket_messages"  ("ticket_id", "created_at", "id") `);
    await queryRunner.query(`CREATE TABLE "ticket_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_id" uuid, "uploaded_by_user_id" uuid, "file_name" character varying(200) NOT NULL, "content_type" character varying(64) NOT NULL, "size_bytes" integer NOT NULL, "content" bytea NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e5011f87f95e78fe4bd7d982a3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0571b827b74076e72e0221d13d" ON "ticket_attachments"  ("message_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e3aca48b83066a74970d8391d5" ON "ticket_attachments"  ("uploaded_by_user_id") `);
    await queryRunner.query(`ALTER TABLE "notifications" ADD "reply_to" character varying(254)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_51cfea0f52f1f18e5a604fd5abc" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_e460ec1588e906d63ce17f514d8" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_bd5636236f799b19f132abf8d70" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_2cb521a558314d16c2cdb839ac6" FOREIGN KEY ("cancellation_id") REFERENCES "cancellations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_5e273a8b330b1fe99f957a3f7c0" FOREIGN KEY ("opened_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD CONSTRAINT "FK_52834a52e1d3e921bbf7b234f1c" FOREIGN KEY ("assigned_to_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_messages" ADD CONSTRAINT "FK_75b3a5f421dbf7b73778da519cb" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_messages" ADD CONSTRAINT "FK_3e88c03ef5510fba29faf03fc82" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_attachments" ADD CONSTRAINT "FK_0571b827b74076e72e0221d13de" FOREIGN KEY ("message_id") REFERENCES "ticket_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ticket_attachments" ADD CONSTRAINT "FK_e3aca48b83066a74970d8391d5c" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // A ticket's messages are never edited: their content is fixed once written (a login's going may still clear the author).
    await queryRunner.query(`CREATE FUNCTION "ticket_messages_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."ticket_id" IS DISTINCT FROM OLD."ticket_id" OR NEW."body" IS DISTINCT FROM OLD."body" OR NEW."internal" IS DISTINCT FROM OLD."internal"
          OR NEW."from_support" IS DISTINCT FROM OLD."from_support" OR NEW."author_label" IS DISTINCT FROM OLD."author_label" OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
          RAISE EXCEPTION 'a ticket message is never edited' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "TRG_ticket_messages_immutable" BEFORE UPDATE ON "ticket_messages" FOR EACH ROW EXECUTE FUNCTION "ticket_messages_immutable"()`);
    // Support logins: a back-office login with the role SUPPORT.
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_account_role"`);
    // Checked without blocking writes to users: NOT VALID, then validated.
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_account_role" CHECK (("role" = 'ADMIN' AND ("account_role" IS NULL OR "account_role" = 'SUPPORT')) OR ("role" = 'USER' AND "account_role" IN ('OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY'))) NOT VALID`);
    await queryRunner.query(`ALTER TABLE "users" VALIDATE CONSTRAINT "CHK_users_account_role"`);
    // Confirmed cancellations become tickets in support's queue, as confirming one does from now on.
    await queryRunner.query(`WITH made AS (
        INSERT INTO "tickets" ("account_id", "subject", "department", "priority", "status", "kind", "service_id", "cancellation_id", "opened_by_user_id", "created_at", "last_activity_at")
        SELECT s."account_id", left('Disdetta: ' || p."code" || ' ' || s."domain", 200), 'TECHNICAL', 'NORMAL', 'OPEN', 'CANCELLATION', s."id", c."id", c."requested_by_user_id", c."confirmed_at", c."confirmed_at"
        FROM "cancellations" c JOIN "services" s ON s."id" = c."service_id" JOIN "products" p ON p."id" = s."product_id"
        WHERE c."status" = 'CONFIRMED'
        RETURNING "id", "cancellation_id", "created_at"
      )
      INSERT INTO "ticket_messages" ("ticket_id", "author_label", "channel", "body", "created_at")
      SELECT made."id", 'system', 'SYSTEM',
        'Disdetta confermata, efficace dal ' || to_char(c."effective_on", 'DD/MM/YYYY') || '. Motivo: ' || c."reason" || CASE WHEN c."reason_text" <> '' THEN ' — ' || c."reason_text" ELSE '' END,
        made."created_at"
      FROM made JOIN "cancellations" c ON c."id" = made."cancellation_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "users" WHERE "account_role" = 'SUPPORT'`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_account_role"`);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "CHK_users_account_role" CHECK (("role" = 'ADMIN' AND "account_role" IS NULL) OR ("role" = 'USER' AND "account_role" IN ('OWNER', 'BILLING', 'TECHNICAL', 'READ_ONLY')))`);
    await queryRunner.query(`DROP TRIGGER "TRG_ticket_messages_immutable" ON "ticket_messages"`);
    await queryRunner.query(`DROP FUNCTION "ticket_messages_immutable"()`);
    await queryRunner.query(`ALTER TABLE "ticket_attachments" DROP CONSTRAINT "FK_e3aca48b83066a74970d8391d5c"`);
    await queryRunner.query(`ALTER TABLE "ticket_attachments" DROP CONSTRAINT "FK_0571b827b74076e72e0221d13de"`);
    await queryRunner.query(`ALTER TABLE "ticket_messages" DROP CONSTRAINT "FK_3e88c03ef5510fba29faf03fc82"`);
    await queryRunner.query(`ALTER TABLE "ticket_messages" DROP CONSTRAINT "FK_75b3a5f421dbf7b73778da519cb"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_52834a52e1d3e921bbf7b234f1c"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_5e273a8b330b1fe99f957a3f7c0"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_2cb521a558314d16c2cdb839ac6"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_bd5636236f799b19f132abf8d70"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_e460ec1588e906d63ce17f514d8"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_51cfea0f52f1f18e5a604fd5abc"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "reply_to"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3aca48b83066a74970d8391d5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0571b827b74076e72e0221d13d"`);
    await queryRunner.query(`DROP TABLE "ticket_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_messages_thread"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e88c03ef5510fba29faf03fc8"`);
    await queryRunner.query(`DROP TABLE "ticket_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_account_activity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_status_activity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_activity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52834a52e1d3e921bbf7b234f1"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tickets_cancellation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e460ec1588e906d63ce17f514d"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
  }
}
