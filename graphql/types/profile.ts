import { Field, InputType } from 'type-graphql';
import { TextInput } from '../text-rule';
import { UserType } from './account';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@InputType('UpdateProfileInput')
export class UpdateProfileInput {
  @Field(() => String)
  @TextInput({ maxLength: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'it or en; null: the account\'s language.' })
  locale: string | null;
}

@PlainObjectType('UpdateProfilePayload')
export class UpdateProfilePayload {
  @Field(() => UserType, { nullable: true })
  user: UserType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  newPassword: string;
}

@InputType('RequestEmailChangeInput')
export class RequestEmailChangeInput {
  @Field(() => String)
  @TextInput({ maxLength: 254 })
  newEmail: string;

  @Field(() => String)
  currentPassword: string;
}

@InputType('ConfirmEmailChangeInput')
export class ConfirmEmailChangeInput {
  @Field(() => String, { description: 'The secret from the link sent to the new address.' })
  token: string;
}

@PlainObjectType('ProfileChangePayload')
export class ProfileChangePayload {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
