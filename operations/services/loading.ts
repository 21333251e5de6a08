import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Cancellation, Service } from '@/entities';
import type { Actor } from '../actor';
import type { RequestCatalog } from '../catalog/request-catalog';
import { selectEntities } from '@/lib/db/select-entities';
import { byKey, selectByKeys } from '../loading';
import { withinReach } from '../scope';

/** The services with these ids that the actor reaches. */
export function servicesInReach(manager: EntityManager, actor: Actor, ids: readonly string[]): SelectQueryBuilder<Service> {
  return withinReach(manager.createQueryBuilder(Service, 'service').where('service.id = ANY(:ids)', { ids: [...ids] }), 'service.accountId', actor);
}

/** Only services the actor may see, with their products; any other id loads as null, like a missing one. */
export async function loadServicesInReach(db: DataSource, actor: Actor | null, catalog: RequestCatalog, ids: readonly string[]): Promise<(Service | null)[]> {
  const valid = ids.filter(isUuid);
  if (!actor || !valid.length) return ids.map(() => null);
  const services = await selectEntities(servicesInReach(db.manager, actor, valid), { prepared: true });
  await catalog.attachProducts(services);
  return byKey(ids, services, (s) => s.id);
}

/** The confirmed cancellation of each service, if it has one. */
export async function loadOpenCancellations(db: DataSource, serviceIds: readonly string[]): Promise<(Cancellation | null)[]> {
  return byKey(serviceIds, await selectByKeys(db, Cancellation, 'serviceId', serviceIds, { where: "row.status = 'CONFIRMED'" }), (c) => c.serviceId);
}
