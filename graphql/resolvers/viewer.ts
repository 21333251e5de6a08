import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Account } from '@/entities';
import type { Context } from '../context';
import { requireActorEnrolling } from '../guards';
import { Reads } from '../selection';
import { AccountType, BillingDetailsType, ViewerType } from '../types/account';

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
  @Reads('name', 'fiscalCode', 'vatNumber', 'addressLine', 'postalCode', 'city', 'province', 'country', 'recipientCode', 'pecEmail')
  billing(@Root() account: Account): BillingDetailsType {
    const { name, fiscalCode, vatNumber, addressLine, postalCode, city, province, country, recipientCode, pecEmail } = account;
    return { name, fiscalCode, vatNumber, addressLine, postalCode, city, province, country, recipientCode, pecEmail };
  }

  @FieldResolver(() => AccountType, { nullable: true })
  @Reads('resellerId')
  reseller(@Root() account: Account, @Ctx() { loaders }: Context) {
    return account.resellerId ? loaders.account.load(account.resellerId) : null;
  }
}
