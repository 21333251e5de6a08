import type { DataSource } from 'typeorm';
import { Order, Product, Service } from '@/entities';
import { applyPaidOrder } from '@/operations/billing/apply-paid-order';
import { renewService } from '@/operations/billing/renew-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { requestServiceChange } from '@/operations/quotes/request-service-change';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;
let owner: AccountLogin;

async function changeOrder(login: AccountLogin, service: Service, code: string): Promise<Order> {
  const quote = await requestServiceChange(db, login.actor, { serviceId: service.id, targetProductCode: code });
  return (await confirmQuote(db, login.actor, { quoteId: quote.id, paymentMethod: 'CARD' })).order!;
}

/** What the payment flow does once the money is in: mark paid, then apply, in one transaction. */
async function payAndApply(order: Order, on: string): Promise<Order> {
  return db.transaction(async (manager) => {
    await manager.update(Order, order.id, { status: 'PAID', paidAt: new Date() });
    return applyPaidOrder(manager, null, order.id, on);
  });
}

const reload = (service: Service) => db.getRepository(Service).findOneByOrFail({ id: service.id });
const productId = async (code: string) => (await db.getRepository(Product).findOneByOrFail({ code })).id;

beforeAll(async () => {
  db = await database.db();
  owner = await newAccount(db);
});

describe('applying a paid order', () => {
  it('upgrade: switches product and recurring price, keeps the expiry; a second application changes nothing', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const order = await changeOrder(owner, service, 'BUSINESS');
    expect((await payAndApply(order, '2026-07-03')).status).toBe('FULFILLED');
    const applied = await reload(service);
    expect(applied).toMatchObject({ productId: await productId('BUSINESS'), recurringPriceCents: 9900, termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    await db.transaction((manager) => applyPaidOrder(manager, null, order.id, '2026-07-04'));
    expect(await reload(service)).toEqual(applied);
  });

  it('near-expiry upgrade: one more year beyond the old expiry, the term starting the day it is applied', async () => {
    process.env.PORTAL_TODAY = '2026-11-15';
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    await payAndApply(await changeOrder(owner, service, 'BUSINESS'), '2026-11-16');
    expect(await reload(service)).toMatchObject({ productId: await productId('BUSINESS'), recurringPriceCents: 9900, termStartsOn: '2026-11-16', expiresOn: '2028-01-01' });
  });

  it("downgrade of a reseller plan: the product changes and the clients' additional domains are deactivated", async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const child = await newService(db, client.account, { productCode: 'HVPARK', parentServiceId: plan.id });
    await payAndApply(await changeOrder(reseller, plan, 'BUSINESS'), '2026-07-05');
    expect(await reload(plan)).toMatchObject({ productId: await productId('BUSINESS'), recurringPriceCents: 9900, expiresOn: '2027-01-01', status: 'ACTIVE' });
    expect(await reload(child)).toMatchObject({ status: 'DEACTIVATED', deactivatedOn: '2026-07-05' });
  });

  it('a paid change of an additional domain gives it a plan of its own', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const reseller = await newAccount(db, { kind: 'RESELLER' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY' });
    const client = await newAccount(db, { resellerId: reseller.account.id });
    const child = await newService(db, client.account, { productCode: 'HVPARK', parentServiceId: plan.id, termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    await payAndApply(await changeOrder(reseller, child, 'PERSONAL15'), '2026-07-02');
    expect(await reload(child)).toMatchObject({ parentServiceId: null, productId: await productId('PERSONAL15'), status: 'ACTIVE' });
  });

  it('renewal: one more year from the old expiry, the term starting on it', async () => {
    process.env.PORTAL_TODAY = '2026-12-20';
    const service = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2026-01-01', expiresOn: '2027-01-01', recurringPriceCents: 1200 });
    const { order } = await renewService(db, owner.actor, service.id, 'BANK_TRANSFER');
    expect(order.totalCents).toBe(1830);
    await payAndApply(order, '2026-12-21');
    expect(await reload(service)).toMatchObject({ termStartsOn: '2027-01-01', expiresOn: '2028-01-01', recurringPriceCents: 1500 });
  });

  it('moves the expiry to the date the order carries, fixed when it was placed, instead of working it out again', async () => {
    process.env.PORTAL_TODAY = '2026-12-20';
    const renewed = await newService(db, owner.account, { productCode: 'HVPARK', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const { order: renewal } = await renewService(db, owner.actor, renewed.id, 'BANK_TRANSFER');
    expect(renewal.newExpiresOn).toBe('2028-01-01');
    await db.getRepository(Order).update(renewal.id, { newExpiresOn: '2028-01-15' });
    await payAndApply(renewal, '2026-12-21');
    expect(await reload(renewed)).toMatchObject({ termStartsOn: '2027-01-01', expiresOn: '2028-01-15' });

    process.env.PORTAL_TODAY = '2026-11-15';
    const upgraded = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const upgrade = await changeOrder(owner, upgraded, 'BUSINESS');
    expect(upgrade).toMatchObject({ nearExpiry: true, newExpiresOn: '2028-01-01' });
    await db.getRepository(Order).update(upgrade.id, { newExpiresOn: '2027-12-31' });
    await payAndApply(upgrade, '2026-11-16');
    expect(await reload(upgraded)).toMatchObject({ termStartsOn: '2026-11-16', expiresOn: '2027-12-31' });
  });

  it('leaves an order that is not paid alone', async () => {
    process.env.PORTAL_TODAY = '2026-07-02';
    const service = await newService(db, owner.account, { productCode: 'PERSONAL15', termStartsOn: '2026-01-01', expiresOn: '2027-01-01' });
    const order = await changeOrder(owner, service, 'BUSINESS');
    expect((await db.transaction((manager) => applyPaidOrder(manager, null, order.id, '2026-07-02'))).status).toBe('AWAITING_PAYMENT');
    expect((await reload(service)).recurringPriceCents).toBe(4900);
  });
});
