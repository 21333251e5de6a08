import { Field, InputType } from 'type-graphql';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@InputType('RequestPasswordResetInput')
export class RequestPasswordResetInput {
  @Field(() => String)
  email: string;
}

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The secret from the emailed link.' })
  token: string;

  @Field(() => String)
  password: string;
}

@PlainObjectType('PasswordResetPayload')
export class PasswordResetPayload {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
