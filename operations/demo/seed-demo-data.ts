import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, addYears, type CalendarDate } from '@/domain/calendar';
import { taxProfileOf } from '@/domain/billing/tax-profile';
import { taxedLines } from '@/domain/billing/taxed-lines';
import { termLine } from '@/domain/line-descriptions';
import { extendedExpiry } from '@/domain/terms';
import { Account, Order, Payment, Product, Service, User } from '@/entities';
import type { PaymentMethod } from '@/entities/order';
import { createAccountWithLogin, createAdminUser, type NewAccountInput } from '../access/create-account';
import { createOrder } from '../billing/create-order';
import { issueInvoice } from '../billing/issue-invoice';
import { seedCatalog } from '../catalog/seed-catalog';
import { rejectNewestEInvoice } from './demo-rejection';

export const DEMO_LOGINS = {
  customer: { email: 'mario.rossi@example.it', password: 'demo-cliente' },
  reseller: { email: 'agenzia@example.it', password: 'demo-rivenditore' },
  admin: { email: 'admin@example.it', password: 'demo-admin' },
  support: { email: 'assistenza@example.it', password: 'demo-supporto' },
} as const;

interface DemoService { product: string; domain: string; expiresInDays: number; deactivated?: boolean; parent?: string }
interface DemoAccount { input: NewAccountInput; services: DemoService[]; clients?: DemoAccount[] }

const customers: DemoAccount[] = [
  {
    input: { name: 'Mario Rossi', ...DEMO_LOGINS.customer, kind: 'CUSTOMER', billing: { kind: 'PERSON', firstName: 'Mario', lastName: 'Rossi', fiscalCode: 'RSSMRA80A01H501U', address: 'Via Roma 1', postalCode: '00184', city: 'Roma', province: 'RM' } },
    services: [
      { product: 'HVPARK', domain: 'mariorossi.it', expiresInDays: 5 },
      { product: 'PERSONAL15', domain: 'rossi-fotografia.it', expiresInDays: 30 },
      { product: 'PEC-STD', domain: 'rossi-fotografia.it', expiresInDays: 59 },
      { product: 'BUSINESS', domain: 'studio-rossi.it', expiresInDays: 61 },
      { product: 'VPS-S', domain: 'rossi-lab.it', expiresInDays: 200 },
      { product: 'HVPARK', domain: 'vecchio-sito.it', expiresInDays: -12, deactivated: true },
    ],
  },
  {
    input: { name: 'Bianchi Costruzioni S.r.l.', email: 'amministrazione@bianchi-costruzioni.it', password: 'demo-bianchi', kind: 'CUSTOMER', billing: { vatNumber: '01234567897', fiscalCode: '01234567897', address: 'Corso Vittorio Emanuele 10', postalCode: '20122', city: 'Milano', province: 'MI', pec: 'bianchi@pec.example.it' } },
    services: [
      { product: 'PROFESSIONAL', domain: 'bianchi-costruzioni.it', expiresInDays: 90 },
      { product: 'PEC-STD', domain: 'bianchi-costruzioni.it', expiresInDays: 90 },
      { product: 'CLOUD-S', domain: 'bianchi-cantieri.it', expiresInDays: 150 },
    ],
  },
  {
    input: { name: 'Laura Verdi', email: 'laura.verdi@example.it', password: 'demo-verdi', kind: 'CUSTOMER', locale: 'en', billing: { fiscalCode: 'VRDLRA85M41F205S', address: 'Via Po 5', postalCode: '10123', city: 'Torino', province: 'TO' } },
    services: [
      { product: 'HVPARK', domain: 'lauraverdi.it', expiresInDays: 45 },
      { product: 'PERSONAL15', domain: 'verdi-yoga.it', expiresInDays: 240 },
    ],
  },
  {
    input: { name: 'Neri Data S.p.A.', email: 'it@neridata.it', password: 'demo-neri', kind: 'CUSTOMER', billing: { vatNumber: '09876543217', address: 'Via dei Mille 20', postalCode: '80121', city: 'Napoli', province: 'NA', sdiCode: 'ABC1234' } },
    services: [
      { product: 'DED-S', domain: 'neridata.it', expiresInDays: 300 },
      { product: 'CLOUD-M', domain: 'neridata-backup.it', expiresInDays: 120 },
      { product: 'VPS-M', domain: 'neridata-dev.it', expiresInDays: 20 },
    ],
  },
  {
    // An EU business: reverse charge, no Italian VAT (docs/product-rules.md, "Tax treatment by customer").
    input: { name: 'Müller Webdesign GmbH', email: 'buchhaltung@mueller-webdesign.de', password: 'demo-mueller', kind: 'CUSTOMER', locale: 'en', billing: { vatNumber: 'DE123456789', country: 'DE', address: 'Friedrichstraße 100', postalCode: '10117', city: 'Berlin' } },
    services: [
      { product: 'BUSINESS', domain: 'mueller-webdesign.de', expiresInDays: 100 },
      { product: 'VPS-S', domain: 'mueller-staging.de', expiresInDays: 250 },
    ],
  },
];

const reseller: DemoAccount = {
  input: { name: 'Agenzia Web Gialli', ...DEMO_LOGINS.reseller, kind: 'RESELLER', billing: { vatNumber: '11223344554', address: 'Via Garibaldi 3', postalCode: '40121', city: 'Bologna', province: 'BO', sdiCode: 'XYZ9876' } },
  services: [{ product: 'EASY', domain: 'agenziagialli.it', expiresInDays: 180 }],
  clients: [
    { input: { name: 'Pizzeria Da Gino', email: 'gino@example.it', password: 'demo-gino', kind: 'CUSTOMER', billing: { vatNumber: '22334455668', address: 'Via Mazzini 8', postalCode: '40125', city: 'Bologna', province: 'BO', sdiCode: 'KRRH6B9' } }, services: [{ product: 'HVPARK', domain: 'pizzeriadagino.it', expiresInDays: 180, parent: 'agenziagialli.it' }] },
    { input: { name: 'Ferramenta Conti', email: 'conti@example.it', password: 'demo-conti', kind: 'CUSTOMER', billing: { vatNumber: '33445566772', address: 'Via Emilia 120', postalCode: '40068', city: 'San Lazzaro di Savena', province: 'BO' } }, services: [{ product: 'HVPARK', domain: 'ferramentaconti.it', expiresInDays: 180, parent: 'agenziagialli.it' }] },
    { input: { name: 'Studio Dentistico Galli', email: 'galli@example.it', password: 'demo-galli', kind: 'CUSTOMER', billing: { kind: 'PERSON', firstName: 'Andrea', lastName: 'Galli', fiscalCode: 'GLLNDR70C15A944H', address: 'Via Indipendenza 40', postalCode: '40121', city: 'Bologna', province: 'BO' } }, services: [{ product: 'HVPARK', domain: 'studiogalli.it', expiresInDays: 180, parent: 'agenziagialli.it' }] },
  ],
};

interface Provisioned { service: Service; product: Product; account: Account }

async function provision(manager: EntityManager, account: Account, demo: DemoService, products: Map<string, Product>, parents: Map<string, Service>, today: CalendarDate): Promise<Provisioned> {
  const product = products.get(demo.product)!;
  const expiresOn = addDays(today, demo.expiresInDays);
  const service = await manager.save(Service, manager.create(Service, {
    accountId: account.id,
    productId: product.id,
    domain: demo.domain,
    status: demo.deactivated ? 'DEACTIVATED' : 'ACTIVE',
    deactivatedOn: demo.deactivated ? expiresOn : null,
    termStartsOn: addYears(expiresOn, -1),
    expiresOn,
    recurringPriceCents: product.priceCents,
    parentServiceId: demo.parent ? parents.get(demo.parent)!.id : null,
  }));
  if (product.code === 'EASY') parents.set(demo.domain, service);
  return { service, product, account };
}

/** The paid order and invoice that started the current term of a service. */
async function recordPaidTerm(manager: EntityManager, { service, product, account }: Provisioned, index: number): Promise<void> {
  const action = index % 2 === 0 ? 'RENEWAL' : 'ACTIVATION';
  const order = await createOrder(manager, {
    kind: index % 2 === 0 ? 'RENEWAL' : 'NEW_SERVICE',
    accountId: account.id,
    serviceId: service.id,
    placedOn: service.termStartsOn,
    ...taxedLines(taxProfileOf(account), [{ kind: 'RENEWAL', description: termLine(action, product.code, service.domain, service.termStartsOn, service.expiresOn, account.locale), amountCents: service.recurringPriceCents }], account.locale),
  });
  const method: PaymentMethod = index % 3 === 0 ? 'BANK_TRANSFER' : 'CARD';
  const paidAt = new Date(`${service.termStartsOn}T09:00:00Z`);
  await manager.update(Order, order.id, { status: 'FULFILLED', paymentMethod: method, paidAt, fulfilledAt: paidAt, createdAt: paidAt });
  await manager.insert(Payment, {
    orderId: order.id, method, provider: method === 'CARD' ? 'TEST' : 'OFFLINE', status: 'SUCCEEDED',
    amountCents: order.totalCents, providerReference: `demo-${order.code}`, idempotencyKey: randomUUID(),
  });
  await issueInvoice(manager, order, method, service.termStartsOn);
}

/**
 * Demo accounts, services spread over the expiry schedule, past paid orders and invoices with their e-invoices (the
 * demo customer's newest one rejected, to send again). Skipped if already seeded.
 */
export async function seedDemoData(db: DataSource, today: CalendarDate): Promise<boolean> {
  await seedCatalog(db);
  if (await db.getRepository(User).existsBy({ email: DEMO_LOGINS.admin.email })) return false;
  await createAdminUser(db, null, DEMO_LOGINS.admin.email, DEMO_LOGINS.admin.password);
  await createAdminUser(db, null, DEMO_LOGINS.support.email, DEMO_LOGINS.support.password, 'SUPPORT');

  const accounts: { account: Account; demo: DemoAccount }[] = [];
  for (const demo of [...customers, reseller]) {
    const { account } = await createAccountWithLogin(db, null, demo.input);
    accounts.push({ account, demo });
    for (const client of demo.clients ?? []) {
      accounts.push({ account: (await createAccountWithLogin(db, null, { ...client.input, resellerId: account.id })).account, demo: client });
    }
  }

  await db.transaction(async (manager) => {
    const products = new Map((await manager.find(Product)).map((p) => [p.code, p]));
    const parents = new Map<string, Service>();
    const provisioned: Provisioned[] = [];
    for (const { account, demo } of accounts) {
      for (const service of demo.services) provisioned.push(await provision(manager, account, service, products, parents, today));
    }
    provisioned.sort((a, b) => a.service.termStartsOn.localeCompare(b.service.termStartsOn));
    for (const [index, item] of provisioned.entries()) await recordPaidTerm(manager, item, index);

    const dueSoon = provisioned.find((p) => p.account.email === DEMO_LOGINS.customer.email && p.service.status === 'ACTIVE')!;
    const renewedUntil = extendedExpiry(dueSoon.service);
    await createOrder(manager, {
      kind: 'RENEWAL', accountId: dueSoon.account.id, serviceId: dueSoon.service.id, placedOn: today, paymentMethod: 'BANK_TRANSFER',
      newExpiresOn: renewedUntil, newRecurringPriceCents: dueSoon.product.priceCents,
      ...taxedLines(taxProfileOf(dueSoon.account), [{ kind: 'RENEWAL', description: termLine('RENEWAL', dueSoon.product.code, dueSoon.service.domain, dueSoon.service.expiresOn, renewedUntil, dueSoon.account.locale), amountCents: dueSoon.product.priceCents }], dueSoon.account.locale),
    });
  });
  await rejectNewestEInvoice(db, accounts.find(({ account }) => account.email === DEMO_LOGINS.customer.email)!.account.id);
  return true;
}
