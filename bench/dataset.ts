import pg from 'pg';
import { hashPassword } from '@/lib/passwords';

/** The size of the benchmark's world. */
export const SIZE = {
  resellers: 200,
  clients: 50_000,
  accounts: 100_000,
  services: 1_000_000,
  orders: 200_000,
} as const;

export const BENCH_PASSWORD = 'bench-password';
export const DATASET_TODAY = '2026-06-15';

async function step(client: pg.Client, label: string, sql: string, progress: (line: string) => void): Promise<void> {
  const started = Date.now();
  progress(`  ${label}…`);
  await client.query(sql);
  progress(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Builds the benchmark's data directly in PostgreSQL with set-based inserts: 100,000 accounts
 * (200 resellers with 50,000 clients between them), one login each, 1,000,000 services across the
 * catalog with expiries spread over the year, and paid orders with their invoices. Skipped when
 * already built (the database is kept between runs).
 */
export async function buildDataset(url: string, progress: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM services`)).rows;
    if (n >= SIZE.services) {
      progress(`Dataset present (${n.toLocaleString('en')} services): reused.`);
      return;
    }
    progress('Building the dataset (set-based SQL)…');
    const passwordHash = (await hashPassword(BENCH_PASSWORD)).replace(/'/g, "''");
    await step(client, 'accounts', `
      INSERT INTO accounts (id, kind, reseller_id, name, email, locale)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
             CASE WHEN n <= ${SIZE.resellers} THEN 'RESELLER' ELSE 'CUSTOMER' END,
             CASE WHEN n > ${SIZE.resellers} AND n <= ${SIZE.resellers + SIZE.clients}
                  THEN ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (n % ${SIZE.resellers})), 12, '0'))::uuid END,
             'Account ' || n, 'account' || n || '@bench.test', 'it'
      FROM generate_series(1, ${SIZE.accounts}) AS n`, progress);
    await step(client, 'logins', `
      INSERT INTO users (email, password_hash, role, account_id)
      SELECT email, '${passwordHash}', 'USER', id FROM accounts WHERE email LIKE '%@bench.test'`, progress);
    await step(client, 'reseller plans', `
      INSERT INTO services (id, account_id, product_id, domain, status, term_starts_on, expires_on, recurring_price_cents, revision)
      SELECT ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
             ('00000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid,
             (SELECT id FROM products WHERE code = 'EASY'), 'reseller' || n || '.it', 'ACTIVE',
             date '2026-01-01' + (n % 365) - 365, date '2026-01-01' + (n % 365), 19900, 1
      FROM generate_series(1, ${SIZE.resellers}) AS n`, progress);
    await step(client, 'services', `
      WITH products AS (SELECT id, price_cents, row_number() OVER (ORDER BY position) - 1 AS i FROM products WHERE code <> 'EASY'),
           product_count AS (SELECT count(*)::int AS c FROM products)
      INSERT INTO services (account_id, product_id, domain, status, term_starts_on, expires_on, deactivated_on, recurring_price_cents, parent_service_id, revision)
      SELECT account_id, p.id, 'site' || n || '.it',
             CASE WHEN n % 20 = 0 THEN 'DEACTIVATED' ELSE 'ACTIVE' END,
             expires - 365, expires, CASE WHEN n % 20 = 0 THEN expires END, p.price_cents,
             CASE WHEN is_client AND n % 10 = 0 AND p.i = 0 THEN ('10000000-0000-4000-8000-' || lpad(to_hex(1 + (account_n % ${SIZE.resellers})), 12, '0'))::uuid END,
             1
      FROM (
        SELECT n,
               ${SIZE.resellers} + 1 + (n % ${SIZE.accounts - SIZE.resellers}) AS account_n,
               ('00000000-0000-4000-8000-' || lpad(to_hex(${SIZE.resellers} + 1 + (n % ${SIZE.accounts - SIZE.resellers})), 12, '0'))::uuid AS account_id,
               (n % ${SIZE.accounts - SIZE.resellers}) < ${SIZE.clients} AS is_client,
               CASE WHEN n % 20 = 0 THEN date '${DATASET_TODAY}' - 1 - (n % 300) ELSE date '${DATASET_TODAY}' + (n % 365) END AS expires
        FROM generate_series(1, ${SIZE.services - SIZE.resellers}) AS n
      ) s
      JOIN products p ON p.i = (s.n / ${SIZE.accounts - SIZE.resellers}) % (SELECT c FROM product_count)`, progress);
    await step(client, 'orders', `
      INSERT INTO orders (code, kind, status, account_id, service_id, net_cents, vat_cents, total_cents, payment_method, placed_on, created_at, paid_at, fulfilled_at)
      SELECT 'HCS-2025-' || lpad(n::text, 6, '0'), 'RENEWAL', 'FULFILLED', s.account_id, s.id, s.recurring_price_cents,
             (s.recurring_price_cents * 22 + 50) / 100, s.recurring_price_cents + (s.recurring_price_cents * 22 + 50) / 100,
             'BANK_TRANSFER', s.term_starts_on, s.term_starts_on, s.term_starts_on, s.term_starts_on
      FROM (SELECT id, account_id, recurring_price_cents, term_starts_on, row_number() OVER (ORDER BY id) AS n FROM services WHERE status = 'ACTIVE' LIMIT ${SIZE.orders}) s`, progress);
    await step(client, 'order lines', `
      INSERT INTO order_lines (order_id, position, kind, description, amount_cents)
      SELECT id, 0, 'RENEWAL', 'Rinnovo ' || code, net_cents FROM orders WHERE code LIKE 'HCS-2025-%'`, progress);
    await step(client, 'invoices', `
      INSERT INTO invoices (year, number, account_id, order_id, issued_on, billing, net_cents, vat_cents, total_cents, payment_method)
      SELECT 2025, row_number() OVER (ORDER BY o.code), o.account_id, o.id, o.placed_on, jsonb_build_object('name', a.name, 'country', 'IT'),
             o.net_cents, o.vat_cents, o.total_cents, 'BANK_TRANSFER'
      FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.code LIKE 'HCS-2025-%'`, progress);
    await step(client, 'invoice lines', `
      INSERT INTO invoice_lines (invoice_id, position, description, amount_cents)
      SELECT i.id, 0, 'Rinnovo', i.net_cents FROM invoices i`, progress);
    await step(client, 'counters', `
      INSERT INTO document_counters (series, year, last_value) VALUES ('ORDER', 2025, ${SIZE.orders}), ('INVOICE', 2025, ${SIZE.orders})
      ON CONFLICT (series, year) DO UPDATE SET last_value = EXCLUDED.last_value`, progress);
    await step(client, 'statistics', 'VACUUM ANALYZE', progress);
  } finally {
    await client.end();
  }
}
