import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requestPasswordReset, resetPassword } from '@/operations/access/password-reset';
import type { Context } from '../context';
import { attempt } from '../errors';
import { PasswordResetPayload, RequestPasswordResetInput, ResetPasswordInput } from '../types/password-reset';

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => PasswordResetPayload, { description: 'Emails a link to choose a new password (the answer is the same whether or not the address has an account).' })
  async requestPasswordReset(@Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput, @Ctx() { db }: Context): Promise<PasswordResetPayload> {
    await requestPasswordReset(db, input.email);
    return { ok: true, userErrors: [] };
  }

  @Mutation(() => PasswordResetPayload, { description: "Sets a new password with the emailed link's token." })
  async resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() { db }: Context): Promise<PasswordResetPayload> {
    const { userErrors } = await attempt(() => resetPassword(db, input.token, input.password));
    return { ok: userErrors.length === 0, userErrors };
  }
}
