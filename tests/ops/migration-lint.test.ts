import fs from 'node:fs';
import path from 'node:path';
import { lintMigration, type Rule } from './migration-lint';

const DIR = path.join(__dirname, '..', '..', 'migrations');

/**
 * Written before this lint: their timestamps. Several would fail it (plain CREATE INDEX on services and
 * orders, a rename and type change on payments; in the release that brought the lint, the e-invoicing,
 * billing, credit-note, email-secret, profile and account-role migrations, which add checked constraints,
 * indexes and backfills on invoices, accounts, notifications and users). Upgrading to that release is the one that takes a
 * maintenance window (docs/deploy.md, "Upgrades"); every migration after it passes the lint.
 */
const GRANDFATHERED = [
  1795977176813, 1795977940515, 1795978272919, 1795978400557, 1795978634666, 1795978710466, 1795978766616,
  1795981380499, 1795990000000, 1795996109246, 1796005827806, 1796010003085, 1796663073269,
  1796663493379, 1796664348103, 1796664405667, 1796664442892, 1796666594691, 1796667566693,
];

const migrationFiles = fs.readdirSync(DIR).filter((file) => /^\d{13}-.+\.ts$/.test(file));
const timestamp = (file: string) => Number(file.slice(0, 13));

function rulesOf(up: string, extra = ''): Rule[] {
  return lintMigration(`export class M implements MigrationInterface {\n${extra}\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n  public async down(queryRunner: QueryRunner): Promise<void> {\n    await queryRunner.query(\`DROP INDEX "IDX_x"\`);\n  }\n}`).map((problem) => problem.rule);
}
const query = (sql: string) => `    await queryRunner.query(\`${sql}\`);`;

describe('migrations lint for rolling deploys', () => {
  it('passes every migration written since, which therefore takes no write-blocking lock on a large table', () => {
    const lint = (file: string) => lintMigration(fs.readFileSync(path.join(DIR, file), 'utf8'));
    const newer = migrationFiles.filter((file) => !GRANDFATHERED.includes(timestamp(file)));
    expect(Object.fromEntries(newer.map((file) => [file, lint(file)]).filter(([, problems]) => problems.length))).toEqual({});
  });

  it('grandfathers only migrations that exist, and would fail some of them', () => {
    expect(GRANDFATHERED.filter((stamp) => !migrationFiles.some((file) => timestamp(file) === stamp))).toEqual([]);
    const rules = (stamp: number) => lintMigration(fs.readFileSync(path.join(DIR, migrationFiles.find((file) => timestamp(file) === stamp)!), 'utf8')).map((problem) => problem.rule);
    expect(rules(1796005827806)).toEqual(['index-without-concurrently']);
    expect(new Set(rules(1796663073269))).toEqual(new Set(['backfill', 'rename', 'column-type']));
  });

  it('fails an index on a large table built without CONCURRENTLY, or CONCURRENTLY inside a transaction', () => {
    expect(rulesOf(query('CREATE INDEX "IDX_x" ON "orders" ("status")'))).toEqual(['index-without-concurrently']);
    expect(rulesOf(query('CREATE UNIQUE INDEX "IDX_x" ON "public"."services" ("domain")'))).toEqual(['index-without-concurrently']);
    expect(rulesOf(query('CREATE INDEX CONCURRENTLY "IDX_x" ON "orders" ("status")'))).toEqual(['concurrently-in-transaction']);
    expect(rulesOf(query('CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_x" ON "orders" ("status")'), '  transaction = false as const;')).toEqual([]);
    // A table the migration creates is empty: anything goes.
    expect(rulesOf([query('CREATE TABLE "e_invoices" ("id" uuid NOT NULL)'), query('CREATE INDEX "IDX_x" ON "e_invoices" ("id")')].join('\n'))).toEqual([]);
    expect(rulesOf(query('CREATE INDEX "IDX_x" ON "lifecycle_runs" ("date")'))).toEqual([]);
  });

  it('fails what rewrites or scans a large table under a lock that blocks writes', () => {
    expect(rulesOf(query('ALTER TABLE "services" ADD "token" uuid NOT NULL DEFAULT gen_random_uuid()'))).toEqual(['volatile-default']);
    expect(rulesOf(query('ALTER TABLE "services" ADD "seen_at" TIMESTAMP WITH TIME ZONE DEFAULT clock_timestamp()'))).toEqual(['volatile-default']);
    expect(rulesOf(query('ALTER TABLE "services" ADD "n" bigserial'))).toEqual(['volatile-default']);
    expect(rulesOf(query(`ALTER TABLE "invoices" ADD "kind" character varying(16) NOT NULL DEFAULT 'INVOICE', ADD "noted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`))).toEqual([]);
    expect(rulesOf(query('ALTER TABLE "accounts" ALTER COLUMN "email" SET NOT NULL'))).toEqual(['set-not-null']);
    expect(rulesOf([
      query('ALTER TABLE "accounts" ADD CONSTRAINT "CHK_email" CHECK ("email" IS NOT NULL) NOT VALID'),
      query('ALTER TABLE "accounts" VALIDATE CONSTRAINT "CHK_email"'),
      query('ALTER TABLE "accounts" ALTER COLUMN "email" SET NOT NULL'),
    ].join('\n'))).toEqual([]);
    expect(rulesOf(query('ALTER TABLE "payments" ALTER COLUMN "failure_code" TYPE character varying(64)'))).toEqual(['column-type']);
    expect(rulesOf(query('ALTER TABLE "orders" ADD CONSTRAINT "FK_x" FOREIGN KEY ("account_id") REFERENCES "accounts"("id")'))).toEqual(['constraint-validation']);
    expect(rulesOf(query('ALTER TABLE "orders" ADD CONSTRAINT "CHK_x" CHECK ("total" >= 0)'))).toEqual(['constraint-validation']);
    expect(rulesOf(query('ALTER TABLE "orders" ADD CONSTRAINT "CHK_x" CHECK ("total" >= 0) NOT VALID'))).toEqual([]);
    expect(rulesOf(query('ALTER TABLE "orders" ADD CONSTRAINT "UQ_x" UNIQUE ("code")'))).toEqual(['unique-constraint']);
    expect(rulesOf(query('ALTER TABLE "orders" ADD CONSTRAINT "UQ_x" UNIQUE USING INDEX "IDX_x"'))).toEqual([]);
    expect(rulesOf(query('LOCK TABLE "notifications" IN ACCESS EXCLUSIVE MODE'))).toEqual(['table-lock']);
    expect(rulesOf(query(`UPDATE "payments" SET "failure_code" = 'x' WHERE "failure_code" IS NOT NULL`))).toEqual(['backfill']);
  });

  it('fails what breaks the release still serving while the new one migrates, unless the file says why it may', () => {
    expect(rulesOf(query('ALTER TABLE "orders" RENAME COLUMN "payment_failure_reason" TO "payment_failure_code"'))).toEqual(['rename']);
    expect(rulesOf(query('ALTER TABLE "orders" DROP COLUMN "legacy"'))).toEqual(['drop-column']);
    expect(rulesOf(query('ALTER TABLE "orders" DROP CONSTRAINT "CHK_x"'))).toEqual([]);
    expect(rulesOf(query('ALTER TABLE "invoices" ADD "kind" character varying(16) NOT NULL'))).toEqual(['required-column']);
    expect(rulesOf(query('ALTER TABLE "invoices" ADD "kind" character varying(16)'))).toEqual([]);
    expect(rulesOf(query('ALTER TABLE "orders" DROP COLUMN "legacy"'), '  // lint-allow: drop-column — unread since the previous release')).toEqual([]);
  });

  it('reads only up(): down() runs when rolling back, not during a deploy', () => {
    expect(rulesOf('')).toEqual([]);
  });
});
