import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { roleMayUse } from '@/domain/access-roles';
import { isUuid } from '@/domain/identity';
import { User } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';

type Rows = Record<string, unknown>[];

/**
 * Everything the panel holds about the login and its account, as one JSON document: the profile, its
 * sessions and API tokens (never their secrets), the account and its logins, services, orders, invoices'
 * metadata (for a role that may see invoices), the emails sent to the login or the account, and the audit
 * events about the login or made by it.
 */
export async function exportPersonalData(db: DataSource, actor: Actor): Promise<Record<string, unknown>> {
  const q = (sql: string, values: unknown[]) => db.query(sql, values) as Promise<Rows>;
  const [profile] = await q(`SELECT id, email, name, locale, role, account_role AS "accountRole", totp_secret IS NOT NULL AS "twoFactorEnabled", created_at AS "createdAt" FROM users WHERE id = $1`, [actor.userId]);
  const accountId = actor.accountId;
  const ofAccount = (sql: string) => (accountId ? q(sql, [accountId]) : Promise.resolve([]));
  const mayReadInvoices = !actor.accountRole || roleMayUse(actor.accountRole, 'invoices');
  return {
    exportedAt: new Date().toISOString(),
    profile,
    sessions: await q(`SELECT device, address, created_at AS "createdAt", last_seen_at AS "lastSeenAt", ended_at AS "endedAt" FROM user_sessions WHERE user_id = $1 ORDER BY created_at`, [actor.userId]),
    apiTokens: await q(`SELECT name, display_prefix AS "displayPrefix", created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt" FROM api_tokens WHERE user_id = $1 ORDER BY created_at`, [actor.userId]),
    account: (await ofAccount(`SELECT id, kind, name, email, locale, fiscal_code AS "fiscalCode", vat_number AS "vatNumber", address_line AS "addressLine", postal_code AS "postalCode", city, province, country,
      recipient_code AS "recipientCode", pec_email AS "pecEmail", created_at AS "createdAt" FROM accounts WHERE id = $1`))[0] ?? null,
    logins: await ofAccount(`SELECT email, name, account_role AS "accountRole", created_at AS "createdAt" FROM users WHERE account_id = $1 ORDER BY email`),
    services: await ofAccount(`SELECT s.id, s.domain, p.code AS "productCode", s.status, s.term_starts_on AS "termStartsOn", s.expires_on AS "expiresOn", s.recurring_price_cents AS "recurringPriceCents"
      FROM services s JOIN products p ON p.id = s.product_id WHERE s.account_id = $1 ORDER BY s.domain, s.id`),
    orders: await ofAccount(`SELECT code, kind, status, placed_on AS "placedOn", net_cents AS "netCents", vat_cents AS "vatCents", total_cents AS "totalCents", payment_method AS "paymentMethod", paid_at AS "paidAt"
      FROM orders WHERE account_id = $1 ORDER BY placed_on, code`),
    invoices: mayReadInvoices ? await ofAccount(`SELECT year, number, kind, issued_on AS "issuedOn", net_cents AS "netCents", vat_cents AS "vatCents", total_cents AS "totalCents", payment_method AS "paymentMethod"
      FROM invoices WHERE account_id = $1 ORDER BY year, number`) : [],
    notifications: await q(`SELECT template, to_email AS "toEmail", subject, status, created_at AS "createdAt", sent_at AS "sentAt" FROM notifications
      WHERE to_email = $1 OR ($2::uuid IS NOT NULL AND account_id = $2) ORDER BY created_at`, [profile.email, accountId]),
    auditEvents: await q(`SELECT action, entity_type AS "entityType", entity_id AS "entityId", actor_label AS "actorLabel", before, after, created_at AS "createdAt" FROM audit_events
      WHERE entity_id = $1 OR actor_user_id = $2 ORDER BY created_at`, [actor.userId, actor.userId]),
  };
}

/**
 * The back office erases a person's data on request: the login's name and email are replaced, its sessions,
 * API tokens, recovery codes and pending email changes are deleted, and it can no longer sign in. Invoices
 * (with their billing data and XML) and the audit trail keep what tax law requires; the emails already sent
 * are kept, addressed to the replaced email.
 */
export async function erasePersonalData(db: DataSource, actor: Actor, userId: string): Promise<string> {
  if (!isUuid(userId)) throw new UserInputError('NOT_FOUND', 'no such login', 'userId');
  return db.transaction(async (manager) => {
    const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new UserInputError('NOT_FOUND', 'no such login', 'userId');
    if (user.role === 'ADMIN') throw new UserInputError('NOT_AVAILABLE', 'a back-office login is removed, not erased', 'userId');
    const erasedEmail = `erased-${user.id}@erased.invalid`;
    await manager.update(User, user.id, { email: erasedEmail, name: '', locale: null, passwordHash: `erased:${randomUUID()}`, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    for (const table of ['user_sessions', 'api_tokens', 'recovery_codes', 'email_changes', 'password_resets']) await manager.query(`DELETE FROM ${table} WHERE user_id = $1`, [user.id]);
    await manager.query(`DELETE FROM login_attempts WHERE email = $1`, [user.email]);
    await manager.query(`UPDATE notifications SET to_email = $2 WHERE to_email = $1`, [user.email, erasedEmail]);
    await recordAudit(manager, actor, { action: 'user.erased', entityType: 'User', entityId: user.id, accountId: user.accountId });
    return user.id;
  });
}
