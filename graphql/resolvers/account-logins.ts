import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { acceptInvitation, changeLoginRole, inviteLogin, listAccountLogins, removeLogin } from '@/operations/access/account-logins';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireAccountLogin } from '../guards';
import { type AccountRoleEnum, UserType } from '../types/account';
import { AcceptInvitationInput, InviteUserInput, InviteUserPayload, RemoveUserInput, RemoveUserPayload, UpdateUserRoleInput, UpdateUserRolePayload } from '../types/account-logins';
import { ProfileChangePayload } from '../types/profile';
import { userView } from './profile';

@Resolver()
export class AccountLoginsResolver {
  @Query(() => [UserType], { description: "The logins of the signed-in login's account with their roles (owners only)." })
  async users(@Ctx() context: Context): Promise<UserType[]> {
    return (await listAccountLogins(context.db, requireAccountLogin(context))).map(userView);
  }

  @Mutation(() => InviteUserPayload, { description: 'Invites a person to the account with a role: an email with a link valid 7 days, used once (owners only).' })
  async inviteUser(@Arg('input', () => InviteUserInput) input: InviteUserInput, @Ctx() context: Context): Promise<InviteUserPayload> {
    const actor = requireAccountLogin(context);
    const { result, userErrors } = await attempt(() => inviteLogin(context.db, actor, input.email, input.role));
    return { invitation: result ? { id: result.id, email: result.email, role: result.role as AccountRoleEnum, expiresAt: result.expiresAt } : null, userErrors };
  }

  @Mutation(() => UpdateUserRolePayload, { description: "Changes a login's role; the account always keeps an owner (LAST_OWNER). Owners only." })
  async updateUserRole(@Arg('input', () => UpdateUserRoleInput) input: UpdateUserRoleInput, @Ctx() context: Context): Promise<UpdateUserRolePayload> {
    const actor = requireAccountLogin(context);
    const { result, userErrors } = await attempt(() => changeLoginRole(context.db, actor, input.userId, input.role));
    return { user: result ? userView(result) : null, userErrors };
  }

  @Mutation(() => RemoveUserPayload, { description: 'Removes a login of the account, its sessions and tokens; never the last owner (LAST_OWNER). Owners only.' })
  async removeUser(@Arg('input', () => RemoveUserInput) input: RemoveUserInput, @Ctx() context: Context): Promise<RemoveUserPayload> {
    const actor = requireAccountLogin(context);
    const { result, userErrors } = await attempt(() => removeLogin(context.db, actor, input.userId));
    return { removedUserId: result, userErrors };
  }

  @Mutation(() => ProfileChangePayload, { description: "Accepts an invitation with the link's token, choosing the new login's password (no sign-in needed: the link is the proof)." })
  async acceptInvitation(@Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() { db }: Context): Promise<ProfileChangePayload> {
    const { userErrors } = await attempt(() => acceptInvitation(db, input.token, input.password, input.name));
    return { ok: userErrors.length === 0, userErrors };
  }
}
