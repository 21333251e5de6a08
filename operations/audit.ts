import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { AuditEvent } from '@/entities';
import { type Actor, actorLabel } from './actor';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  accountId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Appends to the audit trail inside the caller's transaction, so the trail and the change commit together. */
export async function recordAudit(manager: EntityManager, actor: Actor | null, entry: AuditEntry, label?: string): Promise<void> {
  await manager.insert(AuditEvent, manager.create(AuditEvent, {
    actorUserId: actor?.userId ?? null,
    actorLabel: label ?? actorLabel(actor),
    accountId: entry.accountId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  }) as QueryDeepPartialEntity<AuditEvent>); // jsonb columns of free-form objects are beyond TypeORM's typing
}
