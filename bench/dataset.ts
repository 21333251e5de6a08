import pg from 'pg';
import { hashPassword } from '@/lib/passwords';

export interface DatasetSize {
  resellers: number; clients: number; accounts: number; services: number;
  /** A reseller's client is a small business: a domain, hosting, PEC. Direct customers hold the rest. */
  servicesPerClient: number;
  orders: number;
}

/**
 * The size of the benchmark's world for `services` services: at 1,000,000, 200 resellers with 250 clients
 * each and 49,800 direct customers. Smaller or larger worlds keep the shape — 250 clients a reseller, about
 * 17 services a direct customer — with proportionally more or fewer of each.
 */
export function datasetSize(services = 1_000_000): DatasetSize {
  const factor = services / 1_000_000;
  const resellers = Math.max(2, Math.round(200 * factor));
  return { resellers, clients: resellers * 250, accounts: Math.round(100_000 * factor), services, servicesPerClient: 3, orders: Math.round(200_000 * factor) };
}

/** The size of this run's world: `--services=N` (for development) or 1,000,000. */
export const SIZE = datasetSize(Number(process.argv.find((arg) => arg.startsWith('--services='))?.slice('--services='.length) ?? 1_000_000));

export const BENCH_PASSWORD = 'bench-password';
export const DATASET_TODAY = '2026-06-15';

const accountId = (n: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * `count` services for the accounts numbered from `firstAccount` (`accounts` of them), dealt round
 * by round so each account gets a different product each round; expiries spread over the year from
 * the dataset's today (one in twenty already expired and deactivated). With `hosted`, one client
 * domain in ten is an additional domain of its reseller's plan.
 */
function servicesSql(size: DatasetSize, count: number, firstAccount: number, accounts: number, hosted: boolean): string {
  return `
    WITH products AS (SELECT id, price_cents, row_number() OVER (ORDER BY position) - 1 AS i FROM products WHERE code <> 'EASY'),
         product_count AS (SELECT count(*)::int AS c FROM products)
    INSERT INTO services (account_id, product_id, domain, status, term_starts_on, expires_on, deactivated_on, recurring_price_cents, parent_service_id, revision)
    SELECT ${accountId('s.account_n')}, p.id, 'site' || s.account_n || '-' || s.n || '.it',
           CASE WHEN s.n % 20 = 0 THEN 'DEACTIVATED' ELSE 'ACTIVE' END,
           s.expires - 365, s.expires, CASE WHEN s.n % 20 = 0 THEN s.expires END, p.price_cents,
           CASE WHEN ${hosted} AND s.n % 10 = 0 AND p.i = 0 THEN ('10000000-0000-4000-8000-' || lpad(to_hex(1 + (s.account_n % ${size.resellers})), 12, '0'))::uuid END,
           1
    FROM (
      SELECT n, ${firstAccount} + (n % ${accounts}) AS account_n, n / ${accounts} AS round,
             CASE WHEN n % 20 = 0 THEN date '${DATASET_TODAY}' - 1 - (n % 300) ELSE date '${DATASET_TODAY}' + (n % 365) END AS expires
      FROM generate_series(1, ${count}) AS n
    ) s
    JOIN products p ON p.i = (s.round + s.account_n) % (SELECT c FROM product_count)`;
}

async function step(client: pg.Client, label: string, sql: string, progress: (line: string) => void): Promise<void> {
  const started = Date.now();
  progress(`  ${label}…`);
  await client.query(sql);
  progress(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// What every account's e-invoice needs (an Italian consumer's), so that paying is never refused as BILLING_INCOMPLETE.
const COMPLETE_BILLING = `
  UPDATE accounts SET billing_kind = 'PERSON', first_name = 'Account', last_name = split_part(name, ' ', 2), country = 'IT',
    address_line = 'Via Roma 1', postal_code = '00184', city = 'Roma', province = 'RM', fiscal_code = 'RSSMRA80A01H501U'
  WHERE email LIKE '%@bench.test' AND address_line IS NULL`;

/**
 * Builds the benchmark's data directly in PostgreSQL with set-based inserts: 100,000 accounts
 * (200 resellers with 50,000 clients between them), one login each, 1,000,000 services across the
 * catalog with expiries spread over the year (3 per client, about 17 per direct customer), and paid
 * orders with their invoices. Skipped when already built (the database is kept between runs).
 */
export async function buildDataset(url: string, progress: (line: string) => void, size: DatasetSize = SIZE): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM services`)).rows;
    if (n >= size.services) {
      progress(`Dataset present (${n.toLocaleString('en')} services): reused.`);
      await client.query(COMPLETE_BILLING);
      return;
    }
    progress('Building the dataset (set-based SQL)…');
    const passwordHash = (await hashPassword(BENCH_PASSWORD)).replace(/'/g, "''");
    await step(client, 'accounts', `
      INSERT INTO accounts (id, kind, reseller_id, name, email, locale)
      SELECT ${accountId('n')},
             CASE WHEN n <= ${size.resellers} THEN 'RESELLER' ELSE 'CUSTOMER' END,
             CASE WHEN n > ${size.resellers} AND n <= ${size.resellers + size.clients} THEN ${accountId(`1 + (n % ${size.resellers})`)} END,
             'Account ' || n, 'account' || n || '@bench.test', 'it'
      FROM generate_series(1, ${size.accounts}) AS n`, progress);
    await step(client, 'billing data', COMPLETE_BILLING, progress);
    await step(client, 'logins', `
      INSERT INTO users (email, password_hash, role, account_id)
      SELECT email, '${passwordHash}', 'USER', id FROM accounts WHERE email LIKE '%@bench.test'`, progress);
    await step(client, 'reseller plans', `
      INSERT INTO services (id, account_id, product_id, domain, status, term_starts_on, expires_on, recurring_price_cents, revision)
      SELECT ('10000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, ${accountId('n')},
             (SELECT id FROM products WHERE code = 'EASY'), 'reseller' || n || '.it', 'ACTIVE',
             date '${DATASET_TODAY}' + 30 + n - 365, date '${DATASET_TODAY}' + 30 + n, 19900, 1
      FROM generate_series(1, ${size.resellers}) AS n`, progress);
    const firstClient = size.resellers + 1;
    const firstCustomer = size.resellers + size.clients + 1;
    const customers = size.accounts - size.resellers - size.clients;
    const clientServices = size.clients * size.servicesPerClient;
    await step(client, "clients' services", servicesSql(size, clientServices, firstClient, size.clients, true), progress);
    await step(client, "customers' services", servicesSql(size, size.services - size.resellers - clientServices, firstCustomer, customers, false), progress);
    await step(client, 'orders', `
      INSERT INTO orders (code, kind, status, account_id, service_id, net_cents, vat_cents, total_cents, payment_method, placed_on, created_at, paid_at, fulfilled_at)
      SELECT 'HCS-2025-' || lpad(n::text, greatest(6, length(n::text)), '0'), 'RENEWAL', 'FULFILLED', s.account_id, s.id, s.recurring_price_cents,
             (s.recurring_price_cents * 22 + 50) / 100, s.recurring_price_cents + (s.recurring_price_cents * 22 + 50) / 100,
             'BANK_TRANSFER', s.term_starts_on, s.term_starts_on, s.term_starts_on, s.term_starts_on
      FROM (SELECT id, account_id, recurring_price_cents, term_starts_on, row_number() OVER (ORDER BY id) AS n FROM services WHERE status = 'ACTIVE' LIMIT ${size.orders}) s`, progress);
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
      INSERT INTO document_counters (series, year, last_value) VALUES ('INVOICE', 2025, ${size.orders})
      ON CONFLICT (series, year) DO UPDATE SET last_value = EXCLUDED.last_value;
      SELECT setval('order_number_seq', ${size.orders + 1}, false)`, progress);
    await step(client, 'statistics', 'VACUUM ANALYZE', progress);
  } finally {
    await client.end();
  }
}
