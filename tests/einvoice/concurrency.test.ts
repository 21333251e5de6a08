import type { DataSource } from 'typeorm';
import { renewService } from '@/operations/billing/renew-service';
import { useGraphQLServer } from '../support/api';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type Login } from '../support/fixtures';
import { expectSchemaValid } from '../support/xsd';
import { read } from './documents';

/** docs/product-rules.md, Invoices and Electronic invoices: numbers without gaps or duplicates, one file per invoice, names unique. */
const database = useTestDatabase();
const api = useGraphQLServer();
let db: DataSource;
let admin: Login;

const RECORD = `mutation($code: String!, $amount: Int!, $reference: String!) { recordOfflinePayment(input: { orderCode: $code, amountCents: $amount, reference: $reference }) {
  invoice { id number eInvoice { fileName status } } userErrors { code message } } }`;
const PAYMENTS = 100;

beforeAll(async () => {
  process.env.PORTAL_TODAY = '2026-07-02';
  db = await database.db();
  admin = await newAdmin(db);
});

it('100 payments recorded at once give 100 invoices numbered contiguously, each with its own file', async () => {
  const customer = await newAccount(db, { name: 'Rossi S.r.l.', billing: { vatNumber: '12345678903', recipientCode: 'M5UXCR1' } });
  const orders = [];
  for (let i = 0; i < PAYMENTS; i += 1) {
    const service = await newService(db, customer.account, { productCode: 'HVPARK', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    orders.push((await renewService(db, customer.actor, service.id, 'BANK_TRANSFER')).order);
  }
  const results = await Promise.all(orders.map((order) => api.gql(RECORD, { code: order.code, amount: order.totalCents, reference: `CRO ${order.code}` }, { token: admin.token })));
  const invoices = results.map(({ body }) => {
    expect(body.data.recordOfflinePayment.userErrors).toEqual([]);
    return body.data.recordOfflinePayment.invoice;
  });

  const sequence = invoices.map((invoice) => Number(invoice.number.slice(5))).sort((a, b) => a - b);
  expect(sequence).toEqual(Array.from({ length: PAYMENTS }, (_, i) => sequence[0] + i));
  expect(invoices.every((invoice) => invoice.eInvoice.status === 'TO_SEND')).toBe(true);
  expect(new Set(invoices.map((invoice) => invoice.eInvoice.fileName)).size).toBe(PAYMENTS);

  const files: { invoice_id: string; file_name: string; progressive: string; xml: string }[] = await db.query(
    `SELECT invoice_id, file_name, progressive, xml FROM e_invoices WHERE invoice_id = ANY($1)`, [invoices.map((invoice) => invoice.id)]);
  expect(files).toHaveLength(PAYMENTS);
  expect(new Set(files.map((file) => file.progressive)).size).toBe(PAYMENTS);
  for (const file of files) {
    const invoice = invoices.find((i) => i.id === file.invoice_id);
    expect(file.file_name).toBe(invoice.eInvoice.fileName);
    expect(read(file.xml).general.Numero).toBe(invoice.number);
  }
  await expectSchemaValid('fpr12', Object.fromEntries(files.map((file) => [file.file_name, file.xml])));
}, 120_000);
