import type { EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import type { ProductTerms, ServiceTerms, ClientDomain } from '@/domain/service-change';
import { Account, Cancellation, Order, Product, ProductCategory, Service } from '@/entities';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { servicesInReach } from '../services/loading';

/** A service the actor may act on, optionally locked for the transaction; otherwise NOT_FOUND, as if missing. */
export async function serviceInReach(manager: EntityManager, actor: Actor, serviceId: string, lock = false): Promise<Service> {
  const notFound = new UserInputError('NOT_FOUND', 'no service with this id', 'serviceId');
  if (!isUuid(serviceId)) throw notFound;
  const query = servicesInReach(manager, actor, [serviceId]);
  if (lock) query.setLock('pessimistic_write');
  const service = await query.getOne();
  if (!service) throw notFound;
  return service;
}

export async function productTerms(manager: EntityManager, productId: string): Promise<ProductTerms & { id: string; active: boolean }> {
  const product = await manager.findOneByOrFail(Product, { id: productId });
  const category = await manager.findOneByOrFail(ProductCategory, { id: product.categoryId });
  return { ...product, category: category.code };
}

export async function serviceTerms(manager: EntityManager, service: Service): Promise<ServiceTerms> {
  const { domain, termStartsOn, expiresOn, recurringPriceCents } = service;
  return { domain, termStartsOn, expiresOn, recurringPriceCents, product: await productTerms(manager, service.productId) };
}

/** Clients' additional domains hosted in a reseller plan, still active. */
export async function clientDomainsOf(manager: EntityManager, planId: string): Promise<ClientDomain[]> {
  const rows: { serviceId: string; domain: string; accountName: string }[] = await manager.createQueryBuilder(Service, 'child')
    .innerJoin(Account, 'client', 'client.id = child.accountId')
    .select(['child.id AS "serviceId"', 'child.domain AS "domain"', 'client.name AS "accountName"'])
    .where(`child.parentServiceId = :planId AND child.status = 'ACTIVE'`, { planId })
    .orderBy('child.domain')
    .getRawMany();
  return rows;
}

export function openCancellationOf(manager: EntityManager, serviceId: string): Promise<Cancellation | null> {
  return manager.findOneBy(Cancellation, { serviceId, status: 'CONFIRMED' });
}

/** The service's unpaid renewal or change, if any (at most one). */
export function openOrderOf(manager: EntityManager, serviceId: string): Promise<Order | null> {
  return manager.findOneBy(Order, { serviceId, status: 'AWAITING_PAYMENT' });
}

export function ownerOf(manager: EntityManager, service: Service): Promise<Account> {
  return manager.findOneByOrFail(Account, { id: service.accountId });
}

/** A service can be changed, renewed or cancelled while active, before its expiry day. */
export function assertActive(service: Service, today: string): void {
  if (service.status !== 'ACTIVE' || today >= service.expiresOn) {
    throw new UserInputError('SERVICE_INACTIVE', 'the service is no longer active', 'serviceId');
  }
}

/** The refusals for a service with a confirmed cancellation: of another cancellation, and of anything else. */
export const alreadyCancelled = (field: string) => new UserInputError('ALREADY_CANCELLED', 'the service already has a confirmed cancellation', field);
export const cancellationPending = (field: string) => new UserInputError('CANCELLATION_PENDING', 'the service has a confirmed cancellation: withdraw the cancellation first', field);

/** A confirmed cancellation blocks renewals and changes until it is withdrawn. */
export async function assertNotCancelled(manager: EntityManager, service: Service): Promise<void> {
  if (await openCancellationOf(manager, service.id)) throw cancellationPending('serviceId');
}
