import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@/lib/db/data-source';
import { migrate } from '@/lib/db/migrate';
import { MIGRATIONS } from '@/migrations';
import { useTestDatabase } from '../support/database';

const database = useTestDatabase();
/** BillingKindAndTaxProfiles and every migration after it, by name. */
const FROM_BILLING_KIND = MIGRATIONS.map((migration) => migration.name).slice(MIGRATIONS.findIndex((migration) => migration.name === 'BillingKindAndTaxProfiles1796664405667'));

/** Rows as they were before billing kinds and tax profiles, then the migration BillingKindAndTaxProfiles. */
describe('the migration to billing kinds and tax profiles', () => {
  it('makes companies of accounts with a VAT number, splits persons\' names, and fixes existing documents as Italian at 22%', async () => {
    const dataSource = await new DataSource(dataSourceOptions(database.url())).initialize();
    try {
      // Back to before BillingKindAndTaxProfiles: the migrations after it first.
      for (let i = 0; i < FROM_BILLING_KIND.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      const [rossi, bianchi] = await Promise.all([
        ['Mario De Rossi', null], ['Bianchi S.r.l.', '01234567897'], ['Cher', null],
      ].map(async ([name, vat], i) => (await dataSource.query(
        `INSERT INTO accounts (kind, name, email, vat_number) VALUES ('CUSTOMER', $1, $2, $3) RETURNING id`, [name, `legacy-${i}@example.test`, vat],
      ))[0].id as string));
      for (const [i, accountId] of [rossi, bianchi].entries()) {
        const [order] = await dataSource.query(`INSERT INTO orders (code, kind, account_id, net_cents, vat_cents, total_cents, placed_on)
          VALUES ($1, 'RENEWAL', $2, 1000, 220, 1220, '2026-01-10') RETURNING id`, [`HCS-2026-00000${i + 1}`, accountId]);
        const billing = { name: 'x', vatNumber: accountId === bianchi ? '01234567897' : null, country: 'IT' };
        await dataSource.query(`INSERT INTO invoices (year, number, account_id, order_id, issued_on, billing, net_cents, vat_cents, total_cents, payment_method)
          VALUES (2026, $1, $2, $3, '2026-01-10', $4, 1000, 220, 1220, 'CARD')`, [i + 1, accountId, order.id, billing]);
      }

      expect(await migrate(database.url())).toEqual(FROM_BILLING_KIND);

      const accounts = await dataSource.query(`SELECT name, billing_kind, first_name, last_name FROM accounts ORDER BY name`);
      expect(accounts).toEqual([
        { name: 'Bianchi S.r.l.', billing_kind: 'COMPANY', first_name: null, last_name: null },
        { name: 'Cher', billing_kind: 'PERSON', first_name: 'Cher', last_name: null },
        { name: 'Mario De Rossi', billing_kind: 'PERSON', first_name: 'Mario', last_name: 'De Rossi' },
      ]);
      for (const table of ['orders', 'invoices']) {
        const rows = await dataSource.query(`SELECT account_id, tax_profile, vat_rate_percent, vat_natura FROM ${table} ORDER BY total_cents, account_id = $1`, [bianchi]);
        expect(rows).toEqual([
          { account_id: rossi, tax_profile: 'IT_CONSUMER', vat_rate_percent: 22, vat_natura: null },
          { account_id: bianchi, tax_profile: 'IT_BUSINESS', vat_rate_percent: 22, vat_natura: null },
        ]);
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
