import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { taxProfileOf, type TaxProfile } from '@/domain/billing/tax-profile';
import { Account } from '@/entities';
import { billingSnapshot } from '@/operations/billing-details/account-billing';
import type { Context } from '../context';
import { requireActorEnrolling } from '../guards';
import { Reads } from '../selection';
import { AccountType, BillingDetailsType, billingDetails, ViewerType, type UserRoleEnum } from '../types/account';
import { TaxProfileEnum } from '../types/tax';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The signed-in user and its account.' })
  async viewer(@Ctx() context: Context) {
    const actor = requireActorEnrolling(context);
    return {
      account: actor.accountId ? await context.loaders.account.load(actor.accountId) : null,
    };
  }
}

@Resolver(() => AccountType)
export class AccountResolver {
  @FieldResolver(() => BillingDetailsType)
  @Reads('name', 'billingKind', 'firstName', 'lastName', 'fiscalCode', 'vatNumber', 'addressLine', 'postalCode', 'city', 'province', 'country', 'recipientCode', 'pecEmail')
  billing(@Root() account: Account): BillingDetailsType {
    return billingDetails(billingSnapshot(account));
  }

  @FieldResolver(() => TaxProfileEnum)
  @Reads('country', 'vatNumber')
  taxProfile(@Root() account: Account): TaxProfile {
    return taxProfileOf(account);
  }

  @FieldResolver(() => AccountType, { nullable: true })
  @Reads('resellerId')
  reseller(@Root() account: Account, @Ctx() { loaders }: Context) {
    return account.resellerId ? loaders.account.load(account.resellerId) : null;
  }
}
