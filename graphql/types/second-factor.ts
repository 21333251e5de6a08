import { Field, InputType } from 'type-graphql';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@PlainObjectType('TwoFactorEnrolmentPayload')
export class TwoFactorEnrolmentPayload {
  @Field(() => String, { nullable: true, description: 'The TOTP secret (base32), for an app that cannot scan the QR code.' })
  secret: string | null;

  @Field(() => String, { nullable: true, description: 'The otpauth:// URI the QR code holds.' })
  otpauthUri: string | null;

  @Field(() => String, { nullable: true, description: 'The QR code to scan, as an SVG data URL.' })
  qrCode: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('ConfirmTwoFactorEnrolmentInput')
export class ConfirmTwoFactorEnrolmentInput {
  @Field(() => String, { description: 'The 6-digit code the app shows now.' })
  code: string;
}

@PlainObjectType('ConfirmTwoFactorEnrolmentPayload')
export class ConfirmTwoFactorEnrolmentPayload {
  @Field(() => [String], { nullable: true, description: 'Ten single-use recovery codes, shown this once.' })
  recoveryCodes: string[] | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('DisableTwoFactorInput')
export class DisableTwoFactorInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String, { description: 'A code of the app, or a recovery code.' })
  code: string;
}
