import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
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

  @Field(() => [String], { nullable: true, description: 'What the token may do (`services:read`…); null: full access (every token made before scopes existed).' })
  scopes: string[] | null;

  @Field(() => ID, { nullable: true, description: "The reseller's one client the token reaches; null: the login's whole reach." })
  clientId: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the token is accepted (Europe/Rome); null: it does not expire.' })
  expiresOn: string | null;
}

@InputType('CreateApiTokenInput')
export class CreateApiTokenInput {
  @Field(() => String)
  @TextInput({ maxLength: 100 })
  name: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Read or write per area: services, orders (and payments), invoices (and billing data), clients (and the account\'s logins), webhooks — `services:read`, `orders:write`…; writing includes reading. Omitted: full access.',
  })
  @TextInput({ maxLength: 32 })
  scopes?: string[] | null;

  @Field(() => ID, { nullable: true, description: "A reseller's client: the token then reaches that client's account alone." })
  clientId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The last day the token is accepted (Europe/Rome), after today. Omitted: it does not expire.' })
  expiresOn?: string | null;
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
