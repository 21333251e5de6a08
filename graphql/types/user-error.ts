import { Field } from 'type-graphql';
import { PlainObjectType } from './object-type';

@PlainObjectType('UserError', { description: 'Something the caller can fix: bad input, or an action this state does not allow.' })
export class UserErrorType {
  @Field(() => String, { nullable: true, description: 'The input field at fault, as a dotted path; null when not about one field.' })
  field: string | null;

  @Field(() => String, { description: 'A stable machine-readable code, e.g. INVALID, NOT_FOUND, QUOTE_EXPIRED.' })
  code: string;

  @Field(() => String)
  message: string;
}
