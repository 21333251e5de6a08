import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiToken } from '@/entities';
import { createApiToken, isPastExpiry, listApiTokens, revokeApiToken } from '@/operations/access/api-tokens';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireSecondFactor } from '../guards';
import { ApiTokenType, CreateApiTokenInput, CreateApiTokenPayload, RevokeApiTokenInput, RevokeApiTokenPayload } from '../types/api-token';

@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @Query(() => [ApiTokenType], { description: "The signed-in user's API tokens, newest first." })
  apiTokens(@Ctx() context: Context) {
    return listApiTokens(context.db, requireActor(context));
  }

  @FieldResolver(() => Boolean, { description: 'Past its last day: refused.' })
  expired(@Root() token: ApiToken): boolean {
    return isPastExpiry(token.expiresOn);
  }

  @Mutation(() => CreateApiTokenPayload)
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() context: Context): Promise<CreateApiTokenPayload> {
    const actor = requireSecondFactor(context);
    const { result, userErrors } = await attempt(() => createApiToken(context.db, actor, input));
    return { apiToken: result?.record ?? null, secret: result?.token ?? null, userErrors };
  }

  @Mutation(() => RevokeApiTokenPayload)
  async revokeApiToken(@Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() context: Context): Promise<RevokeApiTokenPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => revokeApiToken(context.db, actor, input.id));
    return { apiToken: result, userErrors };
  }
}
