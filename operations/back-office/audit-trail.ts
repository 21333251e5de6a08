import type { DataSource } from 'typeorm';
import { parseInvoiceNumber } from '@/domain/documents';
import { isUuid } from '@/domain/identity';
import { AuditEvent } from '@/entities';
import type { Actor } from '../actor';
import { Validation } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { backOfficeOnly } from '../scope';

/**
 * The ids a code names, for finding an object's events by the code people know it by: an order's HCS
 * code, a product's code, an invoice's number (the events of the order it was issued for).
 */
const IDS_BY_CODE = `
  SELECT o.id::text FROM orders o WHERE o.code = :code
  UNION ALL SELECT p.id::text FROM products p WHERE p.code = :code
  UNION ALL SELECT i.order_id::text FROM invoices i WHERE i.year = :invoiceYear AND i.number = :invoiceSequence`;

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
  if (filter.entityId) {
    const invoice = parseInvoiceNumber(filter.entityId.trim());
    query.andWhere(`(event.entityId = :entityId OR event.entityId IN (${IDS_BY_CODE}))`, {
      entityId: filter.entityId, code: filter.entityId.trim().toUpperCase(), invoiceYear: invoice?.year ?? null, invoiceSequence: invoice?.number ?? null,
    });
  }
  if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
  return keysetPage(query, { columns: ['event.createdAt', 'event.id'], direction: 'DESC', values: (e) => [e.createdAt.toISOString(), e.id] }, page);
}
