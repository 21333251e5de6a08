import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { AuditEvent } from '@/entities';
import type { Actor } from '../actor';
import { Validation } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { backOfficeOnly } from '../scope';

export interface AuditFilter { accountId?: string | null; entityId?: string | null; action?: string | null }

/** The back office's history of changes, newest first: of one account, one object, or one kind of action; nothing for anyone else. */
export function listAuditTrail(db: DataSource, actor: Actor, filter: AuditFilter, page: PageArgs): Promise<Page<AuditEvent>> {
  new Validation()
    .check(!filter.accountId || isUuid(filter.accountId), 'filter.accountId', 'INVALID', 'accountId must be an account id')
    .check(!filter.entityId || filter.entityId.length <= 64, 'filter.entityId', 'INVALID', 'entityId must be at most 64 characters')
    .check(!filter.action || filter.action.length <= 64, 'filter.action', 'INVALID', 'action must be at most 64 characters')
    .throwIfInvalid();
  const query = backOfficeOnly(db.getRepository(AuditEvent).createQueryBuilder('event'), actor);
  if (filter.accountId) query.andWhere('event.accountId = :accountId', { accountId: filter.accountId });
  if (filter.entityId) query.andWhere('event.entityId = :entityId', { entityId: filter.entityId });
  if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
  return keysetPage(query, { columns: ['event.createdAt', 'event.id'], direction: 'DESC', values: (e) => [e.createdAt.toISOString(), e.id] }, page);
}
