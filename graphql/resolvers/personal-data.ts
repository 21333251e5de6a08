import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { erasePersonalData, exportPersonalData } from '@/operations/access/personal-data';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireAdmin } from '../guards';
import { JSONObjectScalar } from '../scalars';
import { PlainObjectType } from '../types/object-type';
import { UserErrorType } from '../types/user-error';

@InputType('EraseUserDataInput')
export class EraseUserDataInput {
  @Field(() => ID)
  userId: string;
}

@PlainObjectType('EraseUserDataPayload')
export class EraseUserDataPayload {
  @Field(() => ID, { nullable: true })
  erasedUserId: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@Resolver()
export class PersonalDataResolver {
  @Query(() => JSONObjectScalar, { description: 'Everything the panel holds about the signed-in login and its account, as one JSON document (also at GET /api/me/export).' })
  exportMyData(@Ctx() context: Context): Promise<Record<string, unknown>> {
    return exportPersonalData(context.db, requireActor(context));
  }

  @Mutation(() => EraseUserDataPayload, { description: "Back office: erases a person's data on request (name and email replaced, sessions and tokens ended, sign-in impossible); invoices and the audit trail keep what tax law requires." })
  async eraseUserData(@Arg('input', () => EraseUserDataInput) input: EraseUserDataInput, @Ctx() context: Context): Promise<EraseUserDataPayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => erasePersonalData(context.db, actor, input.userId));
    return { erasedUserId: result, userErrors };
  }
}
