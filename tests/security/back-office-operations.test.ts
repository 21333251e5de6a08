import type { DataSource } from 'typeorm';
import { createAccountWithLogin } from '@/operations/access/create-account';
import type { Actor } from '@/operations/actor';
import { issueCreditNote } from '@/operations/billing/issue-credit-note';
import { createProduct } from '@/operations/catalog/create-product';
import { updateProduct } from '@/operations/catalog/update-product';
import { importSdiNotification } from '@/operations/einvoices/import-sdi-notification';
import { resendEInvoice } from '@/operations/einvoices/resend-e-invoice';
import { ForbiddenError } from '@/operations/errors';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { provisionService } from '@/operations/services/provision-service';
import { useTestDatabase } from '../support/database';
import { newAccount } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;

/**
 * The back office's actions decide who may take them themselves (operations/scope.ts, assertBackOffice), not only
 * their resolvers: called by a customer's or a reseller's actor, each is refused before it reads or writes anything.
 */
const ACTIONS: Record<string, (actor: Actor) => Promise<unknown>> = {
  createAccount: (actor) => createAccountWithLogin(db, actor, { name: 'Nuovo Cliente', email: 'nuovo@example.test', password: 'una password lunga', kind: 'CUSTOMER' }),
  provisionService: (actor) => provisionService(db, actor, { accountId: actor.accountId!, productCode: 'HVPARK', domain: 'gratis.it' }),
  createProduct: (actor) => createProduct(db, actor, { code: 'FREE', name: 'Gratis', categoryCode: 'HOSTING', priceCents: 0 } as never),
  updateProduct: (actor) => updateProduct(db, actor, { code: 'BUSINESS', priceCents: 1 }),
  recordOfflinePayment: (actor) => recordOfflinePayment(db, actor, { orderCode: 'HCS-2026-000001', amountCents: 100, reference: 'CRO' }),
  issueCreditNote: (actor) => issueCreditNote(db, actor, { invoiceNumber: '2026/000001', reason: 'Rimborso' }),
  importSdiNotification: (actor) => importSdiNotification(db, actor, { fileName: 'IT01234567890_00001_RC_001.xml', xml: '<x/>' }),
  resendEInvoice: (actor) => resendEInvoice(db, actor, { invoiceNumber: '2026/000001' }),
  runLifecycle: (actor) => runLifecycle(db, actor, '2026-01-01'),
};

beforeAll(async () => {
  db = await database.db();
});

describe('the back office actions, called by anyone else', () => {
  it.each(Object.keys(ACTIONS))('%s is refused as FORBIDDEN, writing nothing', async (name) => {
    const customer = await newAccount(db);
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const auditBefore = await db.query('SELECT count(*)::int AS n FROM audit_events');
    for (const actor of [customer.actor, reseller.actor]) await expect(ACTIONS[name](actor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.query('SELECT count(*)::int AS n FROM audit_events')).toEqual(auditBefore);
  });
});
