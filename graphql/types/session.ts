import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../scalars';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@PlainObjectType('Session', { description: 'A signed-in portal session of the signed-in login: a device that can act until it signs out or is ended.' })
export class SessionType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Browser and system, as the User-Agent told when signing in ("Firefox, Windows").' })
  device: string;

  @Field(() => String, { description: 'The IP address it signed in from.' })
  address: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'Its latest request, to the minute.' })
  lastSeenAt: Date;

  @Field(() => Boolean, { description: 'Whether this is the session asking.' })
  current: boolean;
}

@InputType('EndSessionInput')
export class EndSessionInput {
  @Field(() => ID)
  id: string;
}

@PlainObjectType('EndSessionPayload')
export class EndSessionPayload {
  @Field(() => ID, { nullable: true, description: 'The session ended; its cookie is refused from now on.' })
  endedSessionId: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@PlainObjectType('EndOtherSessionsPayload')
export class EndOtherSessionsPayload {
  @Field(() => Int, { description: 'How many sessions were ended: every one but the session asking (all of them when asked with an API token).' })
  endedCount: number;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
