import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { beginSecondFactorEnrolment, confirmSecondFactorEnrolment, disableSecondFactor } from '@/operations/access/second-factor';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireActorEnrolling } from '../guards';
import { ProfileChangePayload } from '../types/profile';
import { ConfirmTwoFactorEnrolmentInput, ConfirmTwoFactorEnrolmentPayload, DisableTwoFactorInput, TwoFactorEnrolmentPayload } from '../types/second-factor';

@Resolver()
export class SecondFactorResolver {
  @Mutation(() => TwoFactorEnrolmentPayload, { description: 'Starts enrolling an authenticator app (TOTP, RFC 6238): a new secret and its QR code, in force once confirmed.' })
  async beginTwoFactorEnrolment(@Ctx() context: Context): Promise<TwoFactorEnrolmentPayload> {
    const actor = requireActorEnrolling(context);
    const { result, userErrors } = await attempt(() => beginSecondFactorEnrolment(context.db, actor));
    return { secret: result?.secret ?? null, otpauthUri: result?.uri ?? null, qrCode: result?.qrCode ?? null, userErrors };
  }

  @Mutation(() => ConfirmTwoFactorEnrolmentPayload, { description: 'Turns two-factor login on with a code from the app; returns ten recovery codes, this once.' })
  async confirmTwoFactorEnrolment(@Arg('input', () => ConfirmTwoFactorEnrolmentInput) input: ConfirmTwoFactorEnrolmentInput, @Ctx() context: Context): Promise<ConfirmTwoFactorEnrolmentPayload> {
    const actor = requireActorEnrolling(context);
    const { result, userErrors } = await attempt(() => confirmSecondFactorEnrolment(context.db, actor, input.code));
    return { recoveryCodes: result, userErrors };
  }

  @Mutation(() => ProfileChangePayload, { description: 'Turns two-factor login off, given the current password and a code; the back office must keep it (NOT_AVAILABLE).' })
  async disableTwoFactor(@Arg('input', () => DisableTwoFactorInput) input: DisableTwoFactorInput, @Ctx() context: Context): Promise<ProfileChangePayload> {
    const actor = requireActor(context);
    const { userErrors } = await attempt(() => disableSecondFactor(context.db, actor, input.currentPassword, input.code));
    return { ok: userErrors.length === 0, userErrors };
  }
}
