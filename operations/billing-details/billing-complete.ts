import type { EntityManager } from 'typeorm';
import { missingForEInvoice } from '@/domain/billing/e-invoice-requirements';
import { Account } from '@/entities';
import { UserInputError } from '../errors';
import { billingOf } from './account-billing';

/**
 * A payment cannot start while the billed account's data lacks what its e-invoice needs: BILLING_INCOMPLETE,
 * one problem per missing field (`billing.<field>`), each message naming them all. Returns the account.
 */
export async function assertBillingComplete(manager: EntityManager, accountId: string): Promise<Account> {
  const account = await manager.findOneByOrFail(Account, { id: accountId });
  const missing = missingForEInvoice(billingOf(account));
  if (missing.length) {
    const needed = missing.join(', ');
    throw UserInputError.of(missing.map((field) => ({
      code: 'BILLING_INCOMPLETE', field: `billing.${field}`, message: `${field} is missing: complete the billing data (${needed}) before paying`,
    })));
  }
  return account;
}
