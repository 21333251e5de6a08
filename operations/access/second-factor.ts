import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { RecoveryCode, User } from '@/entities';
import { portalUrl } from '@/lib/config';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { newRecoveryCodes, newTotpEnrolment, normalizeRecoveryCode, totpStep } from '@/lib/second-factor';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { mailLogin } from './login-mail';

const lockedUser = (manager: EntityManager, userId: string) => manager.findOneOrFail(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });

/**
 * Whether `code` is the login's second factor now: a TOTP code not used before (its step is kept), or
 * one of its recovery codes not used before (used up). Inside the caller's transaction.
 */
export async function passesSecondFactor(manager: EntityManager, userId: string, code: string): Promise<boolean> {
  const user = await lockedUser(manager, userId);
  if (!user.totpSecret) return false;
  const typed = code.replace(/\s/g, '');
  const step = await totpStep(user.totpSecret, typed, user.totpLastStep === null ? null : Number(user.totpLastStep));
  if (step !== null) {
    await manager.update(User, user.id, { totpLastStep: String(step) });
    return true;
  }
  const recovery = normalizeRecoveryCode(typed);
  if (recovery.length !== 11) return false;
  for (const candidate of await manager.findBy(RecoveryCode, { userId, usedAt: IsNull() })) {
    if (await verifyPassword(candidate.codeHash, recovery)) {
      const { affected } = await manager.createQueryBuilder().update(RecoveryCode).set({ usedAt: () => 'now()' }).where('id = :id AND used_at IS NULL', { id: candidate.id }).execute();
      return affected === 1;
    }
  }
  return false;
}

export interface TotpEnrolment { secret: string; uri: string; qrCode: string }

/** Starts enrolling an authenticator app: a new secret, kept aside until a code from it confirms it. */
export async function beginSecondFactorEnrolment(db: DataSource, actor: Actor): Promise<TotpEnrolment> {
  return db.transaction(async (manager) => {
    const user = await lockedUser(manager, actor.userId);
    if (user.totpSecret) throw new UserInputError('ALREADY_ENABLED', 'two-factor login is already enabled');
    const enrolment = await newTotpEnrolment(user.email);
    await manager.update(User, user.id, { totpPendingSecret: enrolment.secret });
    return enrolment;
  });
}

/**
 * Confirms the enrolment with a code from the app: two-factor login is on, this session counts as having
 * passed it, and ten recovery codes are returned, this once (only their hashes are kept).
 */
export async function confirmSecondFactorEnrolment(db: DataSource, actor: Actor, code: string): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes();
  const hashes = await Promise.all(recoveryCodes.map(hashPassword));
  await db.transaction(async (manager) => {
    const user = await lockedUser(manager, actor.userId);
    if (user.totpSecret) throw new UserInputError('ALREADY_ENABLED', 'two-factor login is already enabled');
    if (!user.totpPendingSecret) throw new UserInputError('NOT_AVAILABLE', 'start the enrolment first', 'code');
    const step = await totpStep(user.totpPendingSecret, code.replace(/\s/g, ''), null);
    if (step === null) throw new UserInputError('WRONG_CODE', 'the code is not the one the app shows now', 'code');
    await manager.update(User, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: String(step) });
    await manager.delete(RecoveryCode, { userId: user.id });
    await manager.insert(RecoveryCode, hashes.map((codeHash) => ({ userId: user.id, codeHash })));
    if (actor.sessionId) await manager.query(`UPDATE user_sessions SET second_factor_at = now() WHERE id = $1`, [actor.sessionId]);
    await recordAudit(manager, actor, { action: 'user.second_factor_enabled', entityType: 'User', entityId: user.id, accountId: user.accountId });
    await mailLogin(manager, user.id, { template: 'SECOND_FACTOR_ENABLED', link: portalUrl('/due-fattori') });
  });
  return recoveryCodes;
}

/** Turns two-factor login off, given the current password and a code (or a recovery code); never for the back office, which must have it. */
export async function disableSecondFactor(db: DataSource, actor: Actor, currentPassword: string, code: string): Promise<void> {
  if (actor.isAdmin) throw new UserInputError('NOT_AVAILABLE', 'the back office must keep two-factor login');
  await db.transaction(async (manager) => {
    const user = await lockedUser(manager, actor.userId);
    if (!user.totpSecret) throw new UserInputError('NOT_AVAILABLE', 'two-factor login is not enabled');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new UserInputError('WRONG_PASSWORD', 'the current password is not correct', 'currentPassword');
    if (!(await passesSecondFactor(manager, user.id, code))) throw new UserInputError('WRONG_CODE', 'the code is not valid', 'code');
    await manager.update(User, user.id, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await manager.delete(RecoveryCode, { userId: user.id });
    await recordAudit(manager, actor, { action: 'user.second_factor_disabled', entityType: 'User', entityId: user.id, accountId: user.accountId });
    await mailLogin(manager, user.id, { template: 'SECOND_FACTOR_DISABLED', link: portalUrl('/due-fattori') });
  });
}
