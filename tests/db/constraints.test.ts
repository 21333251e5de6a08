import type { DataSource } from 'typeorm';
import { useTestDatabase } from '../support/database';
import { newAccount, newService } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;

beforeAll(async () => {
  db = await database.db();
});

function violation(sql: string, params: unknown[] = []): Promise<string> {
  return db.query(sql, params).then(() => 'accepted', (error) => error.driverError?.constraint ?? error.message);
}

describe('constraints keep the data honest', () => {
  it('refuses impossible services, negative prices and unknown statuses', async () => {
    const { account } = await newAccount(db);
    const service = await newService(db, account, { productCode: 'BUSINESS' });
    expect(await violation(`UPDATE services SET expires_on = term_starts_on WHERE id = $1`, [service.id])).toBe('CHK_services_term');
    expect(await violation(`UPDATE services SET recurring_price_cents = -1 WHERE id = $1`, [service.id])).toBe('CHK_services_price');
    expect(await violation(`UPDATE services SET status = 'PAUSED' WHERE id = $1`, [service.id])).toBe('CHK_services_status');
    expect(await violation(`UPDATE services SET status = 'DEACTIVATED' WHERE id = $1`, [service.id])).toBe('CHK_services_deactivated_on');
    expect(await violation(`UPDATE services SET account_id = gen_random_uuid() WHERE id = $1`, [service.id])).toMatch(/^FK_/);
    expect(await violation(`UPDATE products SET price_cents = -100 WHERE code = 'HVPARK'`)).toBe('CHK_products_price');
  });

  it('keeps HCS codes and invoice numbers unique, and totals consistent', async () => {
    const { account } = await newAccount(db);
    const insertOrder = (code: string, net: number, vat: number, total: number) => violation(
      `INSERT INTO orders (code, kind, account_id, net_cents, vat_cents, total_cents, placed_on) VALUES ($1, 'RENEWAL', $2, $3, $4, $5, '2026-05-01')`,
      [code, account.id, net, vat, total],
    );
    expect(await insertOrder('HCS-2026-000001', 100, 22, 122)).toBe('accepted');
    expect(await insertOrder('HCS-2026-000001', 100, 22, 122)).toBe('UQ_orders_code');
    expect(await insertOrder('HCS-2026-000002', 100, 22, 123)).toBe('CHK_orders_totals');
    expect(await insertOrder('ORD-1', 100, 22, 122)).toBe('CHK_orders_code');
    expect(await insertOrder('HCS-2026-000003', 100, 22, 122)).toBe('accepted');
    const orders: { id: string }[] = await db.query(`SELECT id FROM orders ORDER BY code`);
    const insertInvoice = (number: number, orderId: string) => violation(
      `INSERT INTO invoices (year, number, account_id, order_id, issued_on, billing, net_cents, vat_cents, total_cents, payment_method)
       VALUES (2026, $1, $2, $3, '2026-05-01', '{}', 100, 22, 122, 'CARD')`, [number, account.id, orderId]);
    expect(await insertInvoice(1, orders[0].id)).toBe('accepted');
    expect(await insertInvoice(1, orders[1].id)).toBe('UQ_invoices_year_number');
    expect(await insertInvoice(2, orders[0].id)).toBe('UQ_invoices_order');
    expect(await insertInvoice(0, orders[1].id)).toBe('CHK_invoices_number');
  });
});
