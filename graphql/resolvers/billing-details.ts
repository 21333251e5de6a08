import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { updateBillingDetails } from '@/operations/billing-details/update-billing-details';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor } from '../guards';
import { UpdateBillingDetailsInput, UpdateBillingDetailsPayload } from '../types/billing-details';

@Resolver()
export class BillingDetailsResolver {
  @Mutation(() => UpdateBillingDetailsPayload, { description: "Replaces an account's billing data (the caller's own; a reseller's client; any for the back office). Every wrong field is reported; nothing is saved half. Issued invoices keep theirs." })
  async updateBillingDetails(@Arg('input', () => UpdateBillingDetailsInput) input: UpdateBillingDetailsInput, @Ctx() context: Context): Promise<UpdateBillingDetailsPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => updateBillingDetails(context.db, actor, input));
    return { account: result, userErrors };
  }
}
