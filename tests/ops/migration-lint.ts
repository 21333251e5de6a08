/**
 * A lint of migration files for rolling deploys on a busy database: what would block writes to a large
 * table for as long as the table takes to scan or rewrite, or break the release still serving while the
 * new one migrates. See docs/deploy.md ("Upgrades").
 */

/** Tables expected to hold many rows in production; a table created by the same migration is empty and exempt. */
export const LARGE_TABLES = new Set([
  'accounts', 'users', 'api_tokens', 'services', 'orders', 'order_lines', 'payments', 'invoices', 'invoice_lines',
  'notifications', 'audit_events', 'quotes', 'cancellations', 'login_attempts', 'webhook_events', 'test_card_intents',
  'e_invoices', 'sdi_notifications', 'credit_notes',
]);

export type Rule =
  | 'index-without-concurrently' | 'concurrently-in-transaction' | 'volatile-default' | 'set-not-null'
  | 'constraint-validation' | 'unique-constraint' | 'column-type' | 'backfill' | 'rename' | 'drop-column' | 'table-lock'
  | 'required-column';

export interface Problem { rule: Rule; statement: string; fix: string }

const FIXES: Record<Rule, string> = {
  'index-without-concurrently': 'CREATE INDEX CONCURRENTLY, in a migration with `transaction = false`',
  'concurrently-in-transaction': 'a migration running CONCURRENTLY needs `transaction = false` (PostgreSQL refuses it in a transaction)',
  'volatile-default': 'add the column without the volatile default (or with a constant one), then backfill in batches',
  'set-not-null': 'first ADD CONSTRAINT … CHECK ("col" IS NOT NULL) NOT VALID and VALIDATE it, then SET NOT NULL skips the scan',
  'constraint-validation': 'ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT (which lets writes go on)',
  'unique-constraint': 'CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX',
  'column-type': 'add a new column, write both, backfill in batches, switch reads, drop the old one in a later release',
  backfill: 'update existing rows in batches, outside the migration (a command), so no transaction holds them all',
  rename: 'the release still running reads the old name: add the new column, migrate the code, drop the old one later',
  'drop-column': 'drop a column only once the code that reads it is gone (a release earlier)',
  'table-lock': 'no LOCK TABLE, VACUUM FULL, CLUSTER or plain REINDEX on a large table',
  'required-column': 'the release still running inserts rows without it: give it a default, or make it NOT NULL a release later',
};

const VOLATILE = /\b(clock_timestamp|random|gen_random_uuid|uuid_generate_v[14]|nextval|timeofday)\s*\(|\b(big|small)?serial\b|\bgenerated\s+always\s+as\s*\(.*\)\s*stored/i;

/** The SQL texts `up()` runs: the literals passed to `queryRunner.query`. */
export function upStatements(source: string): string[] {
  const up = source.split(/\basync\s+down\s*\(/)[0];
  return [...up.matchAll(/queryRunner\.query\(\s*(`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)]
    .map((match) => match[1].slice(1, -1).replace(/\s+/g, ' ').trim());
}

const tableIn = (sql: string, pattern: RegExp) => pattern.exec(sql)?.[1]?.replace(/"/g, '').replace(/^public\./, '');

/** The problems of one migration file; a line `// lint-allow: <rule> — <why>` in it accepts that rule there. */
export function lintMigration(source: string): Problem[] {
  const statements = upStatements(source);
  const created = new Set(statements.map((sql) => tableIn(sql, /^create table (?:if not exists )?((?:"?\w+"?\.)?"?\w+"?)/i)).filter(Boolean));
  const isLarge = (table: string | undefined) => !!table && LARGE_TABLES.has(table) && !created.has(table);
  const allowed = new Set([...source.matchAll(/\/\/\s*lint-allow:\s*([\w-]+)/g)].map((match) => match[1]));
  const outsideTransaction = /\btransaction\s*=\s*false\b/.test(source);
  const problems: Problem[] = [];
  const report = (rule: Rule, statement: string) => { if (!allowed.has(rule)) problems.push({ rule, statement, fix: FIXES[rule] }); };

  for (const sql of statements) {
    if (/\bconcurrently\b/i.test(sql) && !outsideTransaction) report('concurrently-in-transaction', sql);
    const indexed = tableIn(sql, /^create (?:unique )?index (?!concurrently\b)(?:if not exists )?\S+ on (?:only )?((?:"?\w+"?\.)?"?\w+"?)/i);
    if (isLarge(indexed)) report('index-without-concurrently', sql);
    const locked = tableIn(sql, /^(?:lock table|vacuum full|cluster|reindex table(?! concurrently)) ((?:"?\w+"?\.)?"?\w+"?)/i);
    if (isLarge(locked)) report('table-lock', sql);
    const written = tableIn(sql, /^(?:update|delete from) ((?:"?\w+"?\.)?"?\w+"?)/i);
    if (isLarge(written)) report('backfill', sql);
    const altered = tableIn(sql, /^alter table (?:if exists )?(?:only )?((?:"?\w+"?\.)?"?\w+"?)/i);
    if (!isLarge(altered)) continue;
    // One ALTER TABLE may carry several actions, separated by commas outside parentheses.
    for (const action of sql.replace(/^alter table (?:if exists )?(?:only )?(?:"?\w+"?\.)?"?\w+"? /i, '').split(/,(?![^(]*\))/).map((part) => part.trim())) {
      if (/^add (column )?(?!constraint\b)/i.test(action) && VOLATILE.test(action)) report('volatile-default', sql);
      else if (/^add (column )?(?!constraint\b)/i.test(action) && /\bnot null\b/i.test(action) && !/\bdefault\b/i.test(action)) report('required-column', sql);
      if (/^alter (column )?"?(\w+)"? set not null/i.test(action)) {
        const column = /^alter (?:column )?"?(\w+)"?/i.exec(action)![1];
        if (!new RegExp(`check \\(\\s*"?${column}"? is not null\\s*\\)`, 'i').test(statements.join('\n'))) report('set-not-null', sql);
      }
      if (/^alter (column )?"?\w+"? (set data )?type\b/i.test(action)) report('column-type', sql);
      if (/^add constraint \S+ (foreign key|check)\b/i.test(action) && !/\bnot valid\b/i.test(action)) report('constraint-validation', sql);
      if (/^add (constraint \S+ )?(unique|primary key)\b/i.test(action) && !/\busing index\b/i.test(action)) report('unique-constraint', sql);
      if (/^rename\b/i.test(action)) report('rename', sql);
      if (/^drop (?!constraint\b)/i.test(action)) report('drop-column', sql);
    }
  }
  return problems;
}
