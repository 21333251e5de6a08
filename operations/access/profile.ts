import type { DataSource } from 'typeorm';
import { isEmail, MIN_PASSWORD_LENGTH, normalizeEmail } from '@/domain/identity';
import type { Locale } from '@/domain/money';
import { EmailChange, User } from '@/entities';
import { now } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, Validation } from '../errors';
import { byKey, selectByKeys } from '../loading';
import { mailLogin } from './login-mail';
import { newOneTimeLink, openOneTimeLink } from './one-time-links';

const EMAIL_LINK_VALIDITY_MS = 24 * 60 * 60_000;

export interface ProfileInput { name: string; locale: Locale | null }

/** The logins with these ids (null for a missing one): the signed-in login's profile, as a request's loader batches it. */
export async function loadLogins(db: DataSource, ids: readonly string[]): Promise<(User | null)[]> {
  return byKey(ids, await selectByKeys(db, User, 'id', ids), (user) => user.id);
}

export async function loadProfile(db: DataSource, actor: Actor): Promise<User> {
  const [user] = await selectByKeys(db, User, 'id', [actor.userId]);
  if (!user) throw new Error(`no login ${actor.userId}`);
  return user;
}

/** The login's name and language (null: the account's). */
export async function updateProfile(db: DataSource, actor: Actor, input: ProfileInput): Promise<User> {
  const name = input.name.trim();
  new Validation()
    .check(name.length <= 200, 'name', 'TOO_LONG', 'name has at most 200 characters')
    .check(input.locale === null || input.locale === 'it' || input.locale === 'en', 'locale', 'INVALID', 'locale is it or en')
    .throwIfInvalid();
  return db.transaction(async (manager) => {
    const user = await manager.findOneOrFail(User, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
    const before = { name: user.name, locale: user.locale };
    Object.assign(user, { name, locale: input.locale });
    await manager.save(user);
    await recordAudit(manager, actor, { action: 'user.profile_updated', entityType: 'User', entityId: user.id, accountId: user.accountId, before, after: { name, locale: input.locale } });
    return user;
  });
}

async function checkCurrentPassword(user: User, password: string): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, password))) throw new UserInputError('WRONG_PASSWORD', 'the current password is not correct', 'currentPassword');
}

/** A new password, given the current one; every other session of the login ends, and the login is told by email. */
export async function changePassword(db: DataSource, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) throw new UserInputError('INVALID', `the new password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'newPassword');
  await checkCurrentPassword(await loadProfile(db, actor), currentPassword);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (manager) => {
    await manager.update(User, actor.userId, { passwordHash });
    await manager.query(`UPDATE user_sessions SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL AND id IS DISTINCT FROM $2`, [actor.userId, actor.sessionId]);
    await recordAudit(manager, actor, { action: 'user.password_changed', entityType: 'User', entityId: actor.userId, accountId: actor.accountId });
    await mailLogin(manager, actor.userId, { template: 'PASSWORD_CHANGED', link: portalUrl('/password-dimenticata') });
  });
}

/** Sends a link to the new address, given the current password; the email changes only when it is opened. */
export async function requestEmailChange(db: DataSource, actor: Actor, newEmailInput: string, currentPassword: string): Promise<void> {
  const newEmail = normalizeEmail(newEmailInput);
  if (!isEmail(newEmail) || newEmail.length > 254) throw new UserInputError('INVALID', 'newEmail is not a valid email address', 'newEmail');
  const user = await loadProfile(db, actor);
  await checkCurrentPassword(user, currentPassword);
  if (newEmail === user.email) throw new UserInputError('INVALID', 'newEmail is already the login\'s email', 'newEmail');
  if (await db.getRepository(User).existsBy({ email: newEmail })) throw new UserInputError('EMAIL_TAKEN', 'another login has this email', 'newEmail');
  const { secret, secretHash, expiresAt } = newOneTimeLink(EMAIL_LINK_VALIDITY_MS);
  await db.transaction(async (manager) => {
    const change = await manager.save(EmailChange, manager.create(EmailChange, { userId: user.id, newEmail, secretHash, expiresAt }));
    await recordAudit(manager, actor, { action: 'user.email_change_requested', entityType: 'User', entityId: user.id, accountId: user.accountId, after: { newEmail, emailChangeId: change.id } });
    await mailLogin(manager, user.id, { template: 'EMAIL_CHANGE', newEmail, link: portalUrl(`/conferma-email?token=${secret}`) }, newEmail);
  });
}

/** Opens the link sent to the new address: once, within 24 hours, while no other login took the address. The old address is told. */
export async function confirmEmailChange(db: DataSource, secret: string): Promise<void> {
  await db.transaction(async (manager) => {
    const change = await openOneTimeLink(manager, EmailChange, secret, 'usedAt');
    if (!change) throw new UserInputError('INVALID_TOKEN', 'the link is not valid or has expired', 'token');
    if (await manager.existsBy(User, { email: change.newEmail })) throw new UserInputError('EMAIL_TAKEN', 'another login has this email', 'token');
    const user = await manager.findOneOrFail(User, { where: { id: change.userId }, lock: { mode: 'pessimistic_write' } });
    await mailLogin(manager, user.id, { template: 'EMAIL_CHANGED', newEmail: change.newEmail, link: portalUrl('/area/profilo') });
    await manager.update(User, user.id, { email: change.newEmail });
    await manager.update(EmailChange, change.id, { usedAt: now() });
    await recordAudit(manager, null, { action: 'user.email_changed', entityType: 'User', entityId: user.id, accountId: user.accountId, before: { email: user.email }, after: { email: change.newEmail } }, change.newEmail);
  });
}
