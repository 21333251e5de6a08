import { Arg, Ctx, FieldResolver, Mutation, Resolver } from 'type-graphql';
import type { Locale } from '@/domain/money';
import type { User } from '@/entities';
import { changePassword, confirmEmailChange, requestEmailChange, updateProfile } from '@/operations/access/profile';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireActorEnrolling } from '../guards';
import { type AccountRoleEnum, UserRoleEnum, UserType, ViewerType } from '../types/account';
import { ChangePasswordInput, ConfirmEmailChangeInput, ProfileChangePayload, RequestEmailChangeInput, UpdateProfileInput, UpdateProfilePayload } from '../types/profile';

export function userView(user: User): UserType {
  return {
    id: user.id, email: user.email, role: (user.accountRole === 'SUPPORT' ? 'SUPPORT' : user.role) as UserRoleEnum,
    accountRole: user.role === 'USER' ? user.accountRole as AccountRoleEnum : null, name: user.name, locale: user.locale,
    twoFactorEnabled: user.totpSecret !== null, twoFactorRequired: user.role === 'ADMIN',
  };
}

@Resolver(() => ViewerType)
export class ProfileResolver {
  @FieldResolver(() => UserType, { description: 'The signed-in login and its profile.' })
  async user(@Ctx() context: Context): Promise<UserType> {
    const login = await context.loaders.login.load(requireActorEnrolling(context).userId);
    if (!login) throw new Error('the signed-in login is gone');
    return userView(login);
  }

  @Mutation(() => UpdateProfilePayload, { description: "The signed-in login's name and language." })
  async updateProfile(@Arg('input', () => UpdateProfileInput) input: UpdateProfileInput, @Ctx() context: Context): Promise<UpdateProfilePayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => updateProfile(context.db, actor, { name: input.name, locale: (input.locale ?? null) as Locale | null }));
    return { user: result ? userView(result) : null, userErrors };
  }

  @Mutation(() => ProfileChangePayload, { description: 'A new password, given the current one (WRONG_PASSWORD otherwise); every other session of the login ends.' })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() context: Context): Promise<ProfileChangePayload> {
    const actor = requireActor(context);
    const { userErrors } = await attempt(() => changePassword(context.db, actor, input.currentPassword, input.newPassword));
    return { ok: userErrors.length === 0, userErrors };
  }

  @Mutation(() => ProfileChangePayload, { description: 'Sends a confirmation link to the new address (valid 24 hours), given the current password; the email changes when the link is opened.' })
  async requestEmailChange(@Arg('input', () => RequestEmailChangeInput) input: RequestEmailChangeInput, @Ctx() context: Context): Promise<ProfileChangePayload> {
    const actor = requireActor(context);
    const { userErrors } = await attempt(() => requestEmailChange(context.db, actor, input.newEmail, input.currentPassword));
    return { ok: userErrors.length === 0, userErrors };
  }

  @Mutation(() => ProfileChangePayload, { description: "Confirms an email change with the link's token (no sign-in needed: the link is the proof)." })
  async confirmEmailChange(@Arg('input', () => ConfirmEmailChangeInput) input: ConfirmEmailChangeInput, @Ctx() { db }: Context): Promise<ProfileChangePayload> {
    const { userErrors } = await attempt(() => confirmEmailChange(db, input.token));
    return { ok: userErrors.length === 0, userErrors };
  }
}
