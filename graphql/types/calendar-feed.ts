import { Field } from 'type-graphql';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@PlainObjectType('RegenerateCalendarFeedPayload')
export class RegenerateCalendarFeedPayload {
  @Field(() => String, { nullable: true, description: 'The new secret URL.' })
  url: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
