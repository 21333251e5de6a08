import type { DataSource } from 'typeorm';
import type { BillingInput } from '@/domain/billing/billing-data';
import { validateBilling } from '@/domain/billing/validate-billing';
import { isEmail, normalizeEmail } from '@/domain/identity';
import { Account, User } from '@/entities';
import { NO_PASSWORD } from '@/lib/passwords';
import { insertUser } from '../access/create-account';
import { sendInvitation } from '../access/account-logins';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { billingColumns } from '../billing-details/account-billing';
import { billingProblems } from '../billing-details/update-billing-details';
import { ForbiddenError, UserInputError, type Problem } from '../errors';

export interface NewClient { name: string; email: string; billing: BillingInput }

/**
 * A client account of the reseller with its billing data (checked as `updateBillingDetails` checks it) and its
 * owner's login, without a password: the owner gets an invitation by email to choose one. All or nothing.
 */
export async function createClient(db: DataSource, actor: Actor, input: NewClient): Promise<Account> {
  if (actor.isAdmin || actor.accountKind !== 'RESELLER' || !actor.accountId || actor.limitedToClientId) throw new ForbiddenError('Only a reseller creates its clients');
  const resellerId = actor.accountId;
  const name = input.name.trim();
  const email = normalizeEmail(input.email);
  const problems: Problem[] = [];
  if (!name || name.length > 200) problems.push({ code: 'INVALID', message: 'name is required (at most 200 characters)', field: 'name' });
  if (!isEmail(email) || email.length > 254) problems.push({ code: 'INVALID', message: 'email is not a valid address', field: 'email' });
  const billing = validateBilling(input.billing);
  if (!billing.ok) problems.push(...billingProblems(billing.problems));
  if (!problems.length && await db.getRepository(User).existsBy({ email })) problems.push({ code: 'EMAIL_TAKEN', message: 'a login with this email already exists', field: 'email' });
  if (problems.length || !billing.ok) throw UserInputError.of(problems);

  return db.transaction(async (manager) => {
    const account = await manager.save(Account, manager.create(Account, { kind: 'CUSTOMER', resellerId, email, locale: actor.locale, ...billingColumns(billing.billing, name) }));
    await insertUser(manager, { email, passwordHash: NO_PASSWORD, role: 'USER', accountRole: 'OWNER', accountId: account.id });
    await recordAudit(manager, actor, { action: 'account.created', entityType: 'Account', entityId: account.id, accountId: account.id, after: { kind: account.kind, name: account.name, email, resellerId } });
    await sendInvitation(manager, actor, account, email, 'OWNER');
    return account;
  });
}
