import type { DataSource } from 'typeorm';
import { addDays } from '@/domain/calendar';
import { Cancellation, Notification, Order, Service } from '@/entities';
import { applyPaidOrder } from '@/operations/billing/apply-paid-order';
import { renewService } from '@/operations/billing/renew-service';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { cancelService } from '@/operations/quotes/cancel-service';
import { confirmQuote } from '@/operations/quotes/confirm-quote';
import { withdrawCancellation } from '@/operations/quotes/withdraw-cancellation';
import { useTestDatabase } from '../support/database';
import { newAccount, newService, type AccountLogin } from '../support/fixtures';

const database = useTestDatabase();
let db: DataSource;

const FIRST_DAY = '2026-03-01';
const DAYS = 400;

/** One outbox message as the walk sees it: the day it was queued, what, for which domain, to whom. */
interface Sent { day: string; template: string; domain: string; to: string; offset?: number; clientDomains?: string[] }

function reminders(domain: string, to: string, expiresOn: string, offsets: number[]): Sent[] {
  return offsets.map((offset) => ({ day: addDays(expiresOn, -offset), template: 'EXPIRY_REMINDER', domain, to, offset }));
}

const deactivated = (day: string, domain: string, to: string, clientDomains: string[] = []): Sent => ({ day, template: 'SERVICE_DEACTIVATED', domain, to, clientDomains });

const cancellation = (day: string, domain: string, to: string): Sent[] => [
  { day, template: 'CANCELLATION_CONFIRMED', domain, to },
  { day, template: 'CANCELLATION_FORWARDED', domain, to: 'supporto@example.it' },
];

async function cancel(login: AccountLogin, service: Service): Promise<void> {
  const quote = await cancelService(db, login.actor, { serviceId: service.id, reason: 'NO_LONGER_NEEDED' });
  await confirmQuote(db, login.actor, { quoteId: quote.id });
}

async function renewAndPay(login: AccountLogin, service: Service, paidOn: string): Promise<void> {
  const { order } = await renewService(db, login.actor, service.id, 'BANK_TRANSFER');
  await db.transaction(async (manager) => {
    await manager.update(Order, order.id, { status: 'PAID', paidAt: new Date() });
    await applyPaidOrder(manager, null, order.id, paidOn);
  });
}

function toSent(day: string, n: Notification): Sent {
  const offset = n.template === 'EXPIRY_REMINDER' ? Number(n.dedupeKey.split(':').at(-1)) : undefined;
  const clientDomains = n.template === 'SERVICE_DEACTIVATED' ? n.data.clientDomains as string[] : undefined;
  return { day, template: n.template, domain: n.data.domain as string, to: n.toEmail, ...(offset ? { offset } : {}), ...(clientDomains ? { clientDomains } : {}) };
}

beforeAll(async () => {
  db = await database.db();
});

afterAll(() => { delete process.env.PORTAL_TODAY; });

describe('a 400-day calendar walk', () => {
  it('sends exactly the expected emails and deactivates each service on its day', async () => {
    process.env.PORTAL_TODAY = FIRST_DAY;
    const alice = await newAccount(db, { name: 'Alice', locale: 'it' });
    const bob = await newAccount(db, { name: 'Bob', locale: 'en' });
    const carla = await newAccount(db, { name: 'Carla' });
    const dan = await newAccount(db, { name: 'Dan' });
    const reseller = await newAccount(db, { name: 'Agenzia', kind: 'RESELLER', locale: 'en' });
    const clientOne = await newAccount(db, { name: 'Cliente Uno', resellerId: reseller.account.id });
    const clientTwo = await newAccount(db, { name: 'Cliente Due', resellerId: reseller.account.id });

    const renewed = await newService(db, alice.account, { productCode: 'PERSONAL15', domain: 'rinnovato.it', termStartsOn: '2025-06-01', expiresOn: '2026-06-01' });
    const cancelled = await newService(db, bob.account, { productCode: 'BUSINESS', domain: 'disdetto.it', termStartsOn: '2025-09-15', expiresOn: '2026-09-15' });
    const unpaid = await newService(db, dan.account, { productCode: 'HVPARK', domain: 'nonpagato.it', termStartsOn: '2025-06-10', expiresOn: '2026-06-10' });
    const withdrawn = await newService(db, carla.account, { productCode: 'PEC-STD', domain: 'ripensato.it', termStartsOn: '2025-12-20', expiresOn: '2026-12-20' });
    const plan = await newService(db, reseller.account, { productCode: 'EASY', domain: 'rivenditore.it', termStartsOn: '2025-11-30', expiresOn: '2026-11-30' });
    await newService(db, clientOne.account, { productCode: 'HVPARK', domain: 'cliente-uno.it', termStartsOn: '2026-02-01', expiresOn: '2027-02-01', parentServiceId: plan.id });
    await newService(db, clientTwo.account, { productCode: 'HVPARK', domain: 'cliente-due.it', termStartsOn: '2025-10-01', expiresOn: '2026-10-01', parentServiceId: plan.id });

    // What the customers do during a day, after that day's run at 00:05.
    const actions: Record<string, () => Promise<unknown>> = {
      '2026-05-12': () => renewService(db, dan.actor, unpaid.id, 'BANK_TRANSFER'),
      '2026-05-26': () => renewAndPay(alice, renewed, '2026-05-26'),
      '2026-08-01': () => cancel(bob, cancelled),
      '2026-10-25': () => cancel(carla, withdrawn),
      '2026-11-22': () => withdrawCancellation(db, carla.actor, withdrawn.id),
    };

    const sent: Sent[] = [];
    const deactivatedOn = new Map<string, { seen: string; deactivatedOn: string | null }>();
    let seenMessages = 0;
    for (let i = 0; i < DAYS; i += 1) {
      const day = addDays(FIRST_DAY, i);
      process.env.PORTAL_TODAY = day;
      await runLifecycle(db, null, day);
      await actions[day]?.();
      const messages = await db.getRepository(Notification).find({ order: { createdAt: 'ASC', dedupeKey: 'ASC' }, skip: seenMessages });
      seenMessages += messages.length;
      sent.push(...messages.map((n) => toSent(day, n)));
      for (const service of await db.getRepository(Service).findBy({ status: 'DEACTIVATED' })) {
        if (!deactivatedOn.has(service.domain)) deactivatedOn.set(service.domain, { seen: day, deactivatedOn: service.deactivatedOn });
      }
    }

    const expected: Sent[] = [
      ...reminders('rinnovato.it', alice.account.email, '2026-06-01', [60, 30, 15, 7]),
      ...reminders('rinnovato.it', alice.account.email, '2027-06-01', [60]),
      ...reminders('disdetto.it', bob.account.email, '2026-09-15', [60]),
      ...cancellation('2026-08-01', 'disdetto.it', bob.account.email),
      ...reminders('nonpagato.it', dan.account.email, '2026-06-10', [60, 30, 15, 7, 1]),
      deactivated('2026-06-10', 'nonpagato.it', dan.account.email),
      ...reminders('cliente-due.it', clientTwo.account.email, '2026-10-01', [60, 30, 15, 7, 1]),
      deactivated('2026-10-01', 'cliente-due.it', clientTwo.account.email),
      ...reminders('rivenditore.it', reseller.account.email, '2026-11-30', [60, 30, 15, 7, 1]),
      deactivated('2026-11-30', 'rivenditore.it', reseller.account.email, ['cliente-uno.it']),
      ...reminders('ripensato.it', carla.account.email, '2026-12-20', [60]),
      ...cancellation('2026-10-25', 'ripensato.it', carla.account.email),
      // Withdrawn on 2026-11-22, after the 30-day reminder's day (2026-11-20): the next run catches it up.
      { day: '2026-11-23', template: 'EXPIRY_REMINDER', domain: 'ripensato.it', to: carla.account.email, offset: 30 },
      ...reminders('ripensato.it', carla.account.email, '2026-12-20', [15, 7, 1]),
      deactivated('2026-12-20', 'ripensato.it', carla.account.email),
    ];
    const order = (list: Sent[]) => [...list].sort((a, b) => `${a.day}${a.domain}${a.template}`.localeCompare(`${b.day}${b.domain}${b.template}`));
    expect(order(sent)).toEqual(order(expected));

    expect(Object.fromEntries(deactivatedOn)).toEqual({
      'nonpagato.it': { seen: '2026-06-10', deactivatedOn: '2026-06-10' },
      'disdetto.it': { seen: '2026-09-15', deactivatedOn: '2026-09-15' },
      'cliente-due.it': { seen: '2026-10-01', deactivatedOn: '2026-10-01' },
      'rivenditore.it': { seen: '2026-11-30', deactivatedOn: '2026-11-30' },
      'cliente-uno.it': { seen: '2026-11-30', deactivatedOn: '2026-11-30' },
      'ripensato.it': { seen: '2026-12-20', deactivatedOn: '2026-12-20' },
    });
    expect(await db.getRepository(Service).findOneByOrFail({ id: renewed.id })).toMatchObject({ status: 'ACTIVE', expiresOn: '2027-06-01' });
    expect(await db.getRepository(Order).findOneByOrFail({ serviceId: unpaid.id })).toMatchObject({ status: 'CANCELLED', cancellationReason: 'UNPAID_EXPIRED' });
    expect(await db.getRepository(Cancellation).findBy({ serviceId: cancelled.id })).toEqual([expect.objectContaining({ status: 'COMPLETED' })]);
    expect(await db.getRepository(Cancellation).findBy({ serviceId: withdrawn.id })).toEqual([expect.objectContaining({ status: 'WITHDRAWN' })]);
  });
});
