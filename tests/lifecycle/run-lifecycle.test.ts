import type { DataSource } from 'typeorm';
import { AuditEvent, Cancellation, LifecycleRun, Notification, Order, Service } from '@/entities';
import { renewService } from '@/operations/billing/renew-service';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { useTestDatabase } from '../support/database';
import { newAccount, newAdmin, newService, type AccountLogin } from '../support/fixtures';
import { statementsDuring } from '../support/statements';

const database = useTestDatabase();
let db: DataSource;
let owner: AccountLogin;

const on = (day: string) => { process.env.PORTAL_TODAY = day; };
const reload = (service: Service) => db.getRepository(Service).findOneByOrFail({ id: service.id });
const messagesAbout = (domain: string) => db.getRepository(Notification).createQueryBuilder('n')
  .where(`n.data->>'domain' = :domain`, { domain }).orderBy('n.createdAt').addOrderBy('n.dedupeKey').getMany();

beforeAll(async () => {
  db = await database.db();
  owner = await newAccount(db, { locale: 'en' });
});

afterAll(() => { delete process.env.PORTAL_TODAY; });

describe('running the lifecycle for a day', () => {
  it('is idempotent: the same day again, even twice at once, changes and sends nothing more', async () => {
    on('2026-03-01');
    const expiring = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-03-01', expiresOn: '2026-03-01' });
    const reminded = await newService(db, owner.account, { productCode: 'BUSINESS', termStartsOn: '2025-03-31', expiresOn: '2026-03-31' });
    const first = await runLifecycle(db, null, '2026-03-01');
    expect(first).toMatchObject({ date: '2026-03-01', reminders: 1, deactivations: 1, cancelledOrders: 0, actorLabel: 'system' });
    const counts = async () => [await db.getRepository(Notification).count(), await db.getRepository(AuditEvent).count(), (await reload(expiring)).revision, (await reload(reminded)).revision];
    const before = await counts();
    const again = await Promise.all([runLifecycle(db, null, '2026-03-01'), runLifecycle(db, null, '2026-03-01')]);
    for (const run of again) expect(run).toMatchObject({ reminders: 0, deactivations: 0, cancelledOrders: 0 });
    expect(await counts()).toEqual(before);
    expect(await db.getRepository(LifecycleRun).countBy({ date: '2026-03-01' })).toBe(3);
  });

  it('sends a reminder in the account language, naming domain, product, expiry, renewal price and a link to renew', async () => {
    on('2026-04-01');
    const service = await newService(db, owner.account, { productCode: 'BUSINESS', domain: 'reminded.example', termStartsOn: '2025-05-01', expiresOn: '2026-05-01' });
    await runLifecycle(db, null, '2026-04-01');
    const [reminder] = await messagesAbout('reminded.example');
    expect(reminder).toMatchObject({
      template: 'EXPIRY_REMINDER', toEmail: owner.account.email, locale: 'en', status: 'PENDING', accountId: owner.account.id,
      dedupeKey: `reminder:${service.id}:2026-05-01:30`, subject: 'reminded.example: BUSINESS expires in 30 days',
    });
    expect(reminder.bodyText).toContain('expires on 2026-05-01');
    expect(reminder.bodyText).toContain('€99.00 + VAT');
    expect(reminder.bodyText).toContain(`/area/servizi/${service.id}/rinnovo`);
    expect(reminder.bodyHtml).toContain('<a href=');
  });

  it('catches up missed days: deactivates on the expiry day, sends only the latest missed reminder, none after expiry', async () => {
    on('2026-06-10');
    const lapsed = await newService(db, owner.account, { productCode: 'HVPARK', domain: 'lapsed.example', termStartsOn: '2025-06-17', expiresOn: '2026-06-17' });
    const soon = await newService(db, owner.account, { productCode: 'HVPARK', domain: 'soon.example', termStartsOn: '2025-06-26', expiresOn: '2026-06-26' });
    await runLifecycle(db, null, '2026-06-10');
    // Nothing runs from 2026-06-11 to 2026-06-19: soon.example's 15- and 7-day reminders and lapsed.example's expiry are missed.
    on('2026-06-20');
    const run = await runLifecycle(db, null, '2026-06-20');
    expect(run).toMatchObject({ deactivations: 1, reminders: 1 });
    expect(await reload(lapsed)).toMatchObject({ status: 'DEACTIVATED', deactivatedOn: '2026-06-17', revision: lapsed.revision + 1 });
    expect((await messagesAbout('lapsed.example')).map((n) => [n.template, n.subject])).toEqual([
      ['EXPIRY_REMINDER', 'lapsed.example: HVPARK expires in 7 days'],
      ['SERVICE_DEACTIVATED', 'lapsed.example: HVPARK deactivated'],
    ]);
    expect((await messagesAbout('soon.example')).map((n) => [n.dedupeKey, n.subject])).toEqual([
      [`reminder:${soon.id}:2026-06-26:30`, 'soon.example: HVPARK expires in 16 days'],
      [`reminder:${soon.id}:2026-06-26:7`, 'soon.example: HVPARK expires in 6 days'],
    ]);
  });

  it('records each deactivation and cancelled order in the audit trail as the lifecycle', async () => {
    on('2026-07-01');
    const service = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-07-01', expiresOn: '2026-07-01' });
    await runLifecycle(db, null, '2026-07-01');
    expect(await db.getRepository(AuditEvent).findBy({ entityId: service.id, action: 'service.deactivated' })).toEqual([expect.objectContaining({
      actorLabel: 'lifecycle', accountId: owner.account.id, entityType: 'Service',
      before: { status: 'ACTIVE' }, after: { status: 'DEACTIVATED', deactivatedOn: '2026-07-01', reason: 'EXPIRED' },
    })]);
  });

  it("deactivates a cancelled reseller plan silently, with its clients' domains, and completes the cancellation", async () => {
    on('2026-08-01');
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'plan.example', termStartsOn: '2025-08-20', expiresOn: '2026-08-20' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const hosted = await newService(db, client.account, { productCode: 'HVPARK', domain: 'hosted.example', termStartsOn: '2026-01-01', expiresOn: '2027-01-01', parentServiceId: plan.id });
    const quote = await cancelService(db, reseller.actor, { serviceId: plan.id, reason: 'SWITCHING_PROVIDER' });
    await confirmQuote(db, reseller.actor, { quoteId: quote.id });
    on('2026-08-20');
    expect(await runLifecycle(db, null, '2026-08-20')).toMatchObject({ deactivations: 2 });
    expect(await reload(hosted)).toMatchObject({ status: 'DEACTIVATED', deactivatedOn: '2026-08-20' });
    expect((await messagesAbout('plan.example')).map((n) => n.template)).toEqual(['CANCELLATION_CONFIRMED', 'CANCELLATION_FORWARDED']);
    expect(await messagesAbout('hosted.example')).toEqual([]);
    expect(await db.getRepository(Cancellation).findOneByOrFail({ serviceId: plan.id })).toMatchObject({ status: 'COMPLETED' });
    const audit = await db.getRepository(AuditEvent).findOneByOrFail({ entityId: hosted.id, action: 'service.deactivated' });
    expect(audit.after).toMatchObject({ reason: 'RESELLER_PLAN_DEACTIVATED' });
  });

  it('refuses a day that has not come yet, and a date that is not one', async () => {
    on('2026-09-01');
    await expect(runLifecycle(db, null, '2026-09-02')).rejects.toMatchObject({ problems: [{ code: 'FUTURE_DATE', field: 'date' }] });
    await expect(runLifecycle(db, null, '2026-02-30')).rejects.toMatchObject({ problems: [{ code: 'INVALID', field: 'date' }] });
  });
});

describe('unpaid orders', () => {
  async function changeOrder(service: Service): Promise<Order> {
    const quote = await requestServiceChange(db, owner.actor, { serviceId: service.id, targetProductCode: 'BUSINESS' });
    return (await confirmQuote(db, owner.actor, { quoteId: quote.id, paymentMethod: 'BANK_TRANSFER' })).order!;
  }
  const status = async (order: Order) => db.getRepository(Order).findOneByOrFail({ id: order.id });

  it('cancels a change order still unpaid more than 7 days after the day it was placed', async () => {
    on('2026-10-01');
    const order = await changeOrder(await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-05-01', expiresOn: '2027-05-01' }));
    on('2026-10-08');
    await runLifecycle(db, null, '2026-10-08');
    expect(await status(order)).toMatchObject({ status: 'AWAITING_PAYMENT' });
    on('2026-10-09');
    expect(await runLifecycle(db, null, '2026-10-09')).toMatchObject({ cancelledOrders: 1 });
    expect(await status(order)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'UNPAID_EXPIRED', cancelledAt: expect.any(Date) });
    expect(await db.getRepository(AuditEvent).findOneByOrFail({ entityId: order.id, action: 'order.cancelled' })).toMatchObject({
      actorLabel: 'lifecycle', after: { status: 'CANCELLED', reason: 'UNPAID_EXPIRED', kind: 'UPGRADE' },
    });
  });

  it('cancels an unpaid renewal order when its service expires, not before', async () => {
    on('2026-11-01');
    const service = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-11-20', expiresOn: '2026-11-20' });
    const { order } = await renewService(db, owner.actor, service.id, 'POSTAL_SLIP');
    on('2026-11-19');
    await runLifecycle(db, null, '2026-11-19');
    expect(await status(order)).toMatchObject({ status: 'AWAITING_PAYMENT' });
    on('2026-11-20');
    expect(await runLifecycle(db, null, '2026-11-20')).toMatchObject({ deactivations: 1, cancelledOrders: 1 });
    expect(await status(order)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'UNPAID_EXPIRED' });
  });
});

describe("the lifecycle's audit trail", () => {
  it('is written with one statement per kind of change however many there are, naming the lifecycle and who ran it', async () => {
    const admin = await newAdmin(db);
    const renewalsDue = async (count: number, expiresOn: string) => {
      for (let i = 0; i < count; i += 1) {
        const service = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2025-12-10', expiresOn });
        await renewService(db, owner.actor, service.id, 'POSTAL_SLIP');
      }
    };
    on('2026-12-01');
    await renewalsDue(1, '2026-12-10');
    await renewalsDue(3, '2026-12-11');
    const auditWrites = (statements: string[]) => statements.filter((statement) => statement.includes('INSERT INTO "audit_events"')).length;
    on('2026-12-10');
    expect(auditWrites(await statementsDuring(() => runLifecycle(db, admin.actor, '2026-12-10')))).toBe(2);
    on('2026-12-11');
    expect(auditWrites(await statementsDuring(() => runLifecycle(db, admin.actor, '2026-12-11')))).toBe(2);
    const events = await db.getRepository(AuditEvent).findBy({ actorUserId: admin.user.id, actorLabel: 'lifecycle' });
    expect(events.map((event) => event.action).sort()).toEqual([...Array(4).fill('order.cancelled'), ...Array(4).fill('service.deactivated')]);
  });
});
