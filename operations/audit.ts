import type { EntityManager } from 'typeorm';
import { queryPrepared } from '@/lib/db/prepared';
import { type Actor, actorLabel } from './actor';
import { affectedRows } from './sql';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  accountId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Who the trail names: the actor's user, and its email, "system", or the caller's `label`. */
function attribution(actor: Actor | null, label: string | undefined): { actorUserId: string | null; actorLabel: string } {
  return { actorUserId: actor?.userId ?? null, actorLabel: label ?? actorLabel(actor) };
}

/** Appends to the audit trail inside the caller's transaction, so the trail and the change commit together. */
export function recordAudit(manager: EntityManager, actor: Actor | null, entry: AuditEntry, label?: string): Promise<void> {
  return recordAuditEntries(manager, actor, [entry], label);
}

/** The entries of a set-based change: one per row of `from`, its fields SQL expressions over the row. */
export interface AuditRows {
  /** Common table expressions the rows come from, run in the same statement (`name AS (UPDATE … RETURNING …)`). */
  with?: string;
  /** The rows: a table, or a name from `with`, and its alias. */
  from: string;
  action: string;
  entityType: string;
  accountId: string;
  entityId: string;
  before: string;
  after: string;
}

/**
 * `recordAudit` for a change made to many rows at once: one statement appends an entry per row, in the
 * caller's transaction. `parameters` are the statement's own (`$1`…, used in `rows`). Returns how many.
 */
export function recordAuditRows(manager: EntityManager, actor: Actor | null, rows: AuditRows, parameters: unknown[] = [], label?: string): Promise<number> {
  const { actorUserId, actorLabel: named } = attribution(actor, label);
  const [user, labelled, action, entityType] = [1, 2, 3, 4].map((i) => `$${parameters.length + i}`);
  const sql = `${rows.with ? `WITH ${rows.with}\n` : ''}
    INSERT INTO "audit_events" ("actor_user_id", "actor_label", "account_id", "action", "entity_type", "entity_id", "before", "after")
    SELECT ${user}::uuid, ${labelled}, ${rows.accountId}, ${action}, ${entityType}, ${rows.entityId}, ${rows.before}, ${rows.after}
    FROM ${rows.from}`;
  return affectedRows(manager, sql, [...parameters, actorUserId, named, rows.action, rows.entityType]);
}

// The entries travel as one JSON array: the statement's text is the same whatever their number, so each
// connection prepares it once.
const AUDIT_ENTRIES = `
  INSERT INTO "audit_events" ("actor_user_id", "actor_label", "account_id", "action", "entity_type", "entity_id", "before", "after")
  SELECT $1::uuid, $2, e."accountId", e."action", e."entityType", e."entityId", e."before", e."after"
  FROM jsonb_to_recordset($3::jsonb) AS e("accountId" uuid, "action" varchar, "entityType" varchar, "entityId" varchar, "before" jsonb, "after" jsonb)`;

/** `recordAudit` for several entries by the same actor, in one statement: what one operation changed, told at its end. */
export async function recordAuditEntries(manager: EntityManager, actor: Actor | null, entries: readonly AuditEntry[], label?: string): Promise<void> {
  if (!entries.length) return;
  const { actorUserId, actorLabel: named } = attribution(actor, label);
  const rows = entries.map(({ accountId, action, entityType, entityId, before, after }) => ({ accountId, action, entityType, entityId, before: before ?? null, after: after ?? null }));
  await queryPrepared(manager, AUDIT_ENTRIES, [actorUserId, named, JSON.stringify(rows)]);
}
