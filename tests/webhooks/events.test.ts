import type { DataSource } from 'typeorm';
import { WEBHOOK_EVENTS } from '@/domain/webhooks';
import { issueCreditNote } from '@/operations/billing/issue-credit-note';
import { recordOfflinePayment } from '@/operations/payments/record-offline-payment';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { withdrawCancellation } from '@/operations/quotes/withdraw-cancellation';
import { createWebhookEndpoint } from '@/operations/webhooks/endpoints';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin, type Login } from '../support/fixtures';
import { upgradeOrder } from '../payments/support';

// docs/api.md, Webhooks: which change queues which event, with what data, in the change's own transaction.
const database = useTestDatabase();
let db: DataSource;
let admin: Login;

interface Queued { type: string; key: string; messageId: string; data: Record<string, unknown> }

async function queued(login: AccountLogin): Promise<Queued[]> {
  return db.query(`SELECT d.event_type AS type, d.event_key AS key, d.message_id AS "messageId", d.payload->'data' AS data
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.account_id = $1 ORDER BY d.created_at, d.event_type`, [login.account.id]);
}

async function subscribed(): Promise<AccountLogin> {
  const login = await newAccount(db);
  await createWebhookEndpoint(db, login.actor, 'https://93.184.216.34/hook', [...WEBHOOK_EVENTS]);
  return login;
}

beforeAll(async () => {
  db = await database.db();
  admin = await newAdmin(db);
});

describe('orders, payments, invoices, changes', () => {
  it('queues order.created when the quote is confirmed, then order.paid, invoice.issued and service.changed with the payment', async () => {
    const customer = await subscribed();
    const { code, service } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    expect(await queued(customer)).toEqual([
      { type: 'order.created', key: `order.created:${code}`, messageId: expect.stringMatching(/^msg_/), data: { accountId: customer.account.id, orderCode: code, kind: 'UPGRADE', status: 'AWAITING_PAYMENT', serviceId: service.id, placedOn: '2026-07-02', totalCents: 3059 } },
    ]);
    const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO ${code}` });
    const events = await queued(customer);
    expect(events.map((e) => e.type).sort()).toEqual(['invoice.issued', 'order.created', 'order.paid', 'service.changed']);
    const byType = Object.fromEntries(events.map((e) => [e.type, e.data]));
    expect(byType['order.paid']).toMatchObject({ orderCode: code, status: 'PAID', totalCents: 3059 });
    expect(byType['invoice.issued']).toEqual({ accountId: customer.account.id, invoiceNumber: `2026/${String(invoice!.number).padStart(6, '0')}`, kind: 'INVOICE', orderCode: code, correctsInvoiceNumber: null, issuedOn: '2026-07-02', netCents: 2507, vatCents: 552, totalCents: 3059 });
    expect(byType['service.changed']).toEqual({
      accountId: customer.account.id, serviceId: service.id, domain: service.domain, productCode: 'BUSINESS', status: 'ACTIVE', expiresOn: '2027-01-01', deactivatedOn: null,
      change: 'UPGRADE', orderCode: code,
    });
  });

  it('queues invoice.issued for a credit note too, naming the invoice it corrects', async () => {
    const customer = await subscribed();
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    const { invoice } = await recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 3059, reference: `CRO ${code}` });
    const corrected = `2026/${String(invoice!.number).padStart(6, '0')}`;
    const creditNote = await issueCreditNote(db, admin.actor, { invoiceNumber: corrected, amountCents: 1000, reason: 'sconto concordato' });
    const issued = (await queued(customer)).filter((e) => e.type === 'invoice.issued');
    expect(issued.map((e) => e.data)).toEqual([
      expect.objectContaining({ invoiceNumber: corrected, kind: 'INVOICE', orderCode: code, correctsInvoiceNumber: null }),
      {
        accountId: customer.account.id, invoiceNumber: `2026/${String(creditNote.number).padStart(6, '0')}`, kind: 'CREDIT_NOTE', orderCode: null,
        correctsInvoiceNumber: corrected, issuedOn: creditNote.issuedOn, netCents: 1000, vatCents: 220, totalCents: 1220,
      },
    ]);
  });
});

describe('cancellations', () => {
  it('queues cancellation.confirmed and cancellation.withdrawn', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const customer = await subscribed();
    const service = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const quote = await cancelService(db, customer.actor, { serviceId: service.id, reason: 'TOO_EXPENSIVE' });
    await confirmQuote(db, customer.actor, { quoteId: quote.id });
    await withdrawCancellation(db, customer.actor, service.id);
    const events = await queued(customer);
    expect(events.map((e) => [e.type, e.data.serviceId, e.data.effectiveOn, e.data.reason])).toEqual([
      ['cancellation.confirmed', service.id, '2027-01-01', 'TOO_EXPENSIVE'],
      ['cancellation.withdrawn', service.id, '2027-01-01', 'TOO_EXPENSIVE'],
    ]);
  });
});

describe('the daily lifecycle', () => {
  it('queues service.expiring at the reminder offsets, once per offset however often it runs, and service.deactivated on the expiry day', async () => {
    process.env.PORTAL_TODAY = '2027-03-01';
    const customer = await subscribed();
    const service = await newService(db, customer.account, { productCode: 'PERSONAL15', termStartsOn: '2026-03-01', expiresOn: '2027-03-01' });
    await runLifecycle(db, null, '2026-12-31'); // 60 days before
    await runLifecycle(db, null, '2026-12-31');
    await runLifecycle(db, null, '2027-01-01'); // 59 days: no offset
    await runLifecycle(db, null, '2027-01-30'); // 30 days
    await runLifecycle(db, null, '2027-03-01'); // the expiry day
    await runLifecycle(db, null, '2027-03-01');
    const events = (await queued(customer)).filter((e) => e.data.serviceId === service.id);
    expect(events.map((e) => [e.type, e.key, e.data.daysLeft ?? e.data.reason])).toEqual([
      ['service.expiring', `service.expiring:${service.id}:2027-03-01:60`, 60],
      ['service.expiring', `service.expiring:${service.id}:2027-03-01:30`, 30],
      ['service.deactivated', `service.deactivated:${service.id}:2027-03-01`, 'EXPIRED'],
    ]);
    expect(events[0].data).toMatchObject({ accountId: customer.account.id, domain: service.domain, productCode: 'PERSONAL15', expiresOn: '2027-03-01', renewalPriceCents: expect.any(Number) });
    expect(events[2].data).toMatchObject({ status: 'DEACTIVATED', deactivatedOn: '2027-03-01' });
  });
});

describe('the transaction of the change', () => {
  it('keeps no event of a change that was refused', async () => {
    const customer = await subscribed();
    const { code } = await upgradeOrder(db, customer, 'BANK_TRANSFER');
    await expect(recordOfflinePayment(db, admin.actor, { orderCode: code, amountCents: 1, reference: 'CRO wrong' })).rejects.toThrow();
    expect((await queued(customer)).map((e) => e.type)).toEqual(['order.created']);
  });
});
