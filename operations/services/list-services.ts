import type { DataSource } from 'typeorm';
import { Service } from '@/entities';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';

export interface ServiceListFilter { clientId?: string | null }

/** The account's services by domain; a reseller names a client to list the client's. */
export function listServices(db: DataSource, actor: Actor, filter: ServiceListFilter, page: PageArgs): Promise<Page<Service>> {
  const query = listedFor(db.getRepository(Service).createQueryBuilder('service'), 'service.accountId', actor, filter.clientId);
  return keysetPage(query, { columns: ['service.domain', 'service.id'], direction: 'ASC', values: (s) => [s.domain, s.id] }, page);
}
