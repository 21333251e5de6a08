import type { DataSource } from 'typeorm';
import { MIN_PASSWORD_LENGTH, normalizeEmail } from '@/domain/identity';
import { Account, PasswordReset, User } from '@/entities';
import { now } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import { hashPassword } from '@/lib/passwords';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { queueEmail } from '../notifications/queue-email';
import { newOneTimeLink, openOneTimeLink } from './one-time-links';

const LINK_VALIDITY_MS = 60 * 60_000;
const RESEND_AFTER_MS = 60_000;

/**
 * Emails a one-time link to choose a new password. Says nothing about whether the address has an
 * account, and sends at most one link a minute per user.
 */
export async function requestPasswordReset(db: DataSource, emailInput: string): Promise<void> {
  const user = await db.getRepository(User).findOneBy({ email: normalizeEmail(emailInput) });
  if (!user) return;
  await db.transaction(async (manager) => {
    await manager.query(`SELECT id FROM users WHERE id = $1 FOR UPDATE`, [user.id]);
    const recent = await manager.createQueryBuilder(PasswordReset, 'r')
      .where('r.userId = :userId AND r.createdAt > :since', { userId: user.id, since: new Date(now().getTime() - RESEND_AFTER_MS) }).getCount();
    if (recent) return;
    const { secret, secretHash, expiresAt } = newOneTimeLink(LINK_VALIDITY_MS);
    const reset = await manager.save(PasswordReset, manager.create(PasswordReset, { userId: user.id, secretHash, expiresAt }));
    const account = user.accountId ? await manager.findOneBy(Account, { id: user.accountId }) : null;
    await queueEmail(manager, {
      accountId: account?.id ?? null, toEmail: user.email, locale: account?.locale ?? 'it', dedupeKey: `password-reset:${reset.id}`,
      message: { template: 'PASSWORD_RESET', link: portalUrl(`/reimposta-password?token=${secret}`) },
    });
  });
}

/** Sets a new password with a valid, unused link; every other open link of the user stops working. */
export async function resetPassword(db: DataSource, secret: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserInputError('INVALID', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (manager) => {
    const reset = await openOneTimeLink(manager, PasswordReset, secret, 'usedAt');
    if (!reset) throw new UserInputError('INVALID_TOKEN', 'the link is not valid or has expired', 'token');
    await manager.update(User, reset.userId, { passwordHash });
    await manager.createQueryBuilder().update(PasswordReset).set({ usedAt: now() }).where('user_id = :userId AND used_at IS NULL', { userId: reset.userId }).execute();
    const user = await manager.findOneByOrFail(User, { id: reset.userId });
    await recordAudit(manager, null, { action: 'user.password_reset', entityType: 'User', entityId: user.id, accountId: user.accountId }, user.email);
  });
}
