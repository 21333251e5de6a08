import type { DataSource, EntityManager } from 'typeorm';
import type { BillingInput } from '@/domain/billing/billing-data';
import type { BillingProblem } from '@/domain/billing/validate-billing';
import { validateBilling } from '@/domain/billing/validate-billing';
import { isUuid } from '@/domain/identity';
import { Account } from '@/entities';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { UserInputError, type Problem } from '../errors';
import { withinReach } from '../scope';
import { billingColumns, billingOf } from './account-billing';

export interface BillingDetailsUpdate { accountId?: string | null; billing: BillingInput }

/** Billing problems as the API reports them: each field under `billing.`, or under the name the caller used for it. */
export function billingProblems(problems: BillingProblem[], fieldName: (field: BillingProblem['field']) => string = (field) => `billing.${field}`): Problem[] {
  return problems.map((problem) => ({ code: problem.code, message: problem.message, field: fieldName(problem.field) }));
}

/** The account whose billing data the actor may change, locked: its own, a reseller's client, any for the back office. */
async function lockAccountInReach(manager: EntityManager, actor: Actor, accountId: string | null | undefined): Promise<Account> {
  const id = accountId || actor.limitedToClientId || actor.accountId;
  if (!id) throw new UserInputError('REQUIRED', 'say whose billing data: accountId', 'accountId');
  const notFound = new UserInputError('NOT_FOUND', 'no account with this id', 'accountId');
  if (!isUuid(id)) throw notFound;
  const query = manager.createQueryBuilder(Account, 'account').where('account.id = :id', { id }).setLock('pessimistic_write');
  const account = await withinReach(query, 'account.id', actor).getOne();
  if (!account) throw notFound;
  return account;
}

/**
 * Replaces the account's billing data, validated field by field (every wrong field reported at once, nothing saved
 * unless all are right). Invoices already issued keep the data they were issued with.
 */
export async function updateBillingDetails(db: DataSource, actor: Actor, update: BillingDetailsUpdate): Promise<Account> {
  const validation = validateBilling(update.billing);
  if (!validation.ok) throw UserInputError.of(billingProblems(validation.problems));
  return db.transaction(async (manager) => {
    const account = await lockAccountInReach(manager, actor, update.accountId);
    const before = billingOf(account);
    Object.assign(account, billingColumns(validation.billing));
    await manager.save(Account, account);
    await recordAudit(manager, actor, {
      action: 'account.billing_updated', entityType: 'Account', entityId: account.id, accountId: account.id,
      before: { ...before }, after: { ...validation.billing },
    });
    return account;
  });
}
