import type { DataSource, EntityManager } from 'typeorm';
import { isEmail, isUuid, MIN_PASSWORD_LENGTH, normalizeEmail } from '@/domain/identity';
import { Account, Invitation, User } from '@/entities';
import { ACCOUNT_ROLES, type AccountRole } from '@/entities/user';
import { now } from '@/lib/clock';
import { portalUrl } from '@/lib/config';
import { hashPassword, NO_PASSWORD } from '@/lib/passwords';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError } from '../errors';
import { queueEmail } from '../notifications/queue-email';
import { insertUser } from './create-account';
import { newOneTimeLink, openOneTimeLink } from './one-time-links';

const INVITATION_VALIDITY_MS = 7 * 24 * 60 * 60_000;

function accountOf(actor: Actor): string {
  if (!actor.accountId) throw new UserInputError('NOT_AVAILABLE', 'only the logins of an account have fellow logins');
  if (actor.limitedToClientId) throw new UserInputError('NOT_AVAILABLE', "a token limited to one client does not manage the account's logins");
  return actor.accountId;
}

function checkRole(role: string): AccountRole {
  if (!ACCOUNT_ROLES.includes(role as AccountRole)) throw new UserInputError('INVALID', `role is one of ${ACCOUNT_ROLES.join(', ')}`, 'role');
  return role as AccountRole;
}

/** The logins of the actor's account, owners first, then by email. */
export async function listAccountLogins(db: DataSource, actor: Actor): Promise<User[]> {
  const logins = await db.getRepository(User).find({ where: { accountId: accountOf(actor) }, order: { email: 'ASC' } });
  return logins.sort((a, b) => ACCOUNT_ROLES.indexOf(a.accountRole as AccountRole) - ACCOUNT_ROLES.indexOf(b.accountRole as AccountRole));
}

/**
 * Invites `email` to `account` with a role, in the caller's transaction: the invitation, its audit event, and
 * the email with its link, valid 7 days, used once.
 */
export async function sendInvitation(manager: EntityManager, actor: Actor, account: Account, email: string, role: AccountRole): Promise<Invitation> {
  const { secret, secretHash, expiresAt } = newOneTimeLink(INVITATION_VALIDITY_MS);
  const invitation = await manager.save(Invitation, manager.create(Invitation, { accountId: account.id, email, role, secretHash, invitedByUserId: actor.userId, expiresAt }));
  await recordAudit(manager, actor, { action: 'invitation.created', entityType: 'Invitation', entityId: invitation.id, accountId: account.id, after: { email, role } });
  await queueEmail(manager, {
    accountId: account.id, toEmail: email, locale: account.locale, dedupeKey: `invitation:${invitation.id}`,
    message: { template: 'INVITATION', accountName: account.name, invitedBy: actor.email, role, link: portalUrl(`/invito?token=${secret}`) },
  });
  return invitation;
}

/** Invites a person to the actor's account with a role: a link by email, valid 7 days, used once. */
export async function inviteLogin(db: DataSource, actor: Actor, emailInput: string, roleInput: string): Promise<Invitation> {
  const accountId = accountOf(actor);
  const email = normalizeEmail(emailInput);
  if (!isEmail(email) || email.length > 254) throw new UserInputError('INVALID', 'email is not a valid address', 'email');
  const role = checkRole(roleInput);
  if (await db.getRepository(User).existsBy({ email })) throw new UserInputError('EMAIL_TAKEN', 'a login with this email already exists', 'email');
  return db.transaction(async (manager) => sendInvitation(manager, actor, await manager.findOneByOrFail(Account, { id: accountId }), email, role));
}

/**
 * Opens an invitation: a new login of the account with the invited role and the password chosen; for a client's
 * owner, made by its reseller without a password, that login gets the password.
 */
export async function acceptInvitation(db: DataSource, secret: string, password: string, nameInput: string): Promise<User> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserInputError('INVALID', `password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (manager) => {
    const invitation = await openOneTimeLink(manager, Invitation, secret, 'acceptedAt');
    if (!invitation) throw new UserInputError('INVALID_TOKEN', 'the invitation is not valid, was used, or has expired', 'token');
    const name = nameInput.trim().slice(0, 200);
    const waiting = await manager.findOneBy(User, { email: invitation.email, accountId: invitation.accountId, passwordHash: NO_PASSWORD });
    if (waiting) await manager.update(User, waiting.id, { passwordHash, ...(name ? { name } : {}) });
    const user = waiting ?? await insertUser(manager, { email: invitation.email, passwordHash, role: 'USER', accountRole: invitation.role, accountId: invitation.accountId, name });
    await manager.update(Invitation, invitation.id, { acceptedAt: now() });
    await recordAudit(manager, null, { action: 'invitation.accepted', entityType: 'User', entityId: user.id, accountId: invitation.accountId, after: { email: user.email, role: invitation.role } }, user.email);
    return user;
  });
}

/** The account's logins, locked so that two changes cannot each leave the other the last owner. */
async function lockedLogins(manager: EntityManager, accountId: string): Promise<User[]> {
  return manager.createQueryBuilder(User, 'user').setLock('pessimistic_write').where('user.accountId = :accountId', { accountId }).orderBy('user.id').getMany();
}

function fellowLogin(logins: User[], userId: string): User {
  const login = isUuid(userId) ? logins.find((l) => l.id === userId) : undefined;
  if (!login) throw new UserInputError('NOT_FOUND', 'no such login in the account', 'userId');
  return login;
}

function keepAnOwner(logins: User[], leaving: User): void {
  if (leaving.accountRole === 'OWNER' && logins.filter((l) => l.accountRole === 'OWNER').length === 1) {
    throw new UserInputError('LAST_OWNER', 'the account must keep an owner: make another login owner first', 'userId');
  }
}

/** Changes the role of a login of the actor's account; never leaves the account without an owner. */
export async function changeLoginRole(db: DataSource, actor: Actor, userId: string, roleInput: string): Promise<User> {
  const accountId = accountOf(actor);
  const role = checkRole(roleInput);
  return db.transaction(async (manager) => {
    const logins = await lockedLogins(manager, accountId);
    const login = fellowLogin(logins, userId);
    if (role !== 'OWNER') keepAnOwner(logins, login);
    const before = login.accountRole;
    login.accountRole = role;
    await manager.update(User, login.id, { accountRole: role });
    await recordAudit(manager, actor, { action: 'user.role_changed', entityType: 'User', entityId: login.id, accountId, before: { role: before }, after: { role } });
    return login;
  });
}

/** Removes a login of the actor's account (its sessions and tokens end with it); never the last owner. */
export async function removeLogin(db: DataSource, actor: Actor, userId: string): Promise<string> {
  const accountId = accountOf(actor);
  return db.transaction(async (manager) => {
    const logins = await lockedLogins(manager, accountId);
    const login = fellowLogin(logins, userId);
    keepAnOwner(logins, login);
    await manager.delete(User, login.id);
    await recordAudit(manager, actor, { action: 'user.removed', entityType: 'User', entityId: login.id, accountId, before: { email: login.email, role: login.accountRole } });
    return login.id;
  });
}
