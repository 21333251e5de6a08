import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { TextInput } from '../text-rule';
import { AccountRoleEnum, UserType } from './account';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@PlainObjectType('Invitation', { description: 'An invitation to become a login of the account; its link is valid 7 days and works once.' })
export class InvitationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => AccountRoleEnum)
  role: AccountRoleEnum;

  @Field(() => DateTimeScalar)
  expiresAt: Date;
}

@InputType('InviteUserInput')
export class InviteUserInput {
  @Field(() => String)
  @TextInput({ maxLength: 254 })
  email: string;

  @Field(() => AccountRoleEnum)
  role: AccountRoleEnum;
}

@PlainObjectType('InviteUserPayload')
export class InviteUserPayload {
  @Field(() => InvitationType, { nullable: true })
  invitation: InvitationType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('UpdateUserRoleInput')
export class UpdateUserRoleInput {
  @Field(() => ID)
  userId: string;

  @Field(() => AccountRoleEnum)
  role: AccountRoleEnum;
}

@PlainObjectType('UpdateUserRolePayload')
export class UpdateUserRolePayload {
  @Field(() => UserType, { nullable: true })
  user: UserType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('RemoveUserInput')
export class RemoveUserInput {
  @Field(() => ID)
  userId: string;
}

@PlainObjectType('RemoveUserPayload')
export class RemoveUserPayload {
  @Field(() => ID, { nullable: true })
  removedUserId: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('AcceptInvitationInput')
export class AcceptInvitationInput {
  @Field(() => String, { description: 'The secret from the invitation link.' })
  token: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  password: string;

  @Field(() => String, { defaultValue: '' })
  @TextInput({ maxLength: 200 })
  name: string;
}
