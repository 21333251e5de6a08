import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { TextInput } from '../text-rule';

@PlainObjectType('ApiToken', { description: 'A Bearer token of the signed-in user; the secret itself is shown only when created.' })
export class ApiTokenType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The first characters of the token, to recognise it.' })
  displayPrefix: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt: Date | null;
}

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => String)
  @TextInput({ maxLength: 100 })
  name: string;
}

@PlainObjectType('CreateApiTokenPayload')
export class CreateApiTokenPayload {
  @Field(() => ApiTokenType, { nullable: true })
  apiToken: ApiTokenType | null;

  @Field(() => String, { nullable: true, description: 'The token to send as `Authorization: Bearer …`. Shown this once.' })
  secret: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('RevokeApiTokenInput')
export class RevokeApiTokenInput {
  @Field(() => ID)
  id: string;
}

@PlainObjectType('RevokeApiTokenPayload')
export class RevokeApiTokenPayload {
  @Field(() => ApiTokenType, { nullable: true })
  apiToken: ApiTokenType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
