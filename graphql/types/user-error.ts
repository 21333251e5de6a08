import { Field, registerEnumType } from 'type-graphql';
import { USER_ERROR_MESSAGES, UserErrorCode } from '@/domain/user-error-codes';
import { PlainObjectType } from './object-type';

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What a UserError is about; each value is described by the message the portal shows for it.',
  valuesConfig: Object.fromEntries(Object.entries(USER_ERROR_MESSAGES).map(([code, messages]) => [code, { description: messages.en }])),
});

@PlainObjectType('UserError', { description: 'Something the caller can fix: bad input, or an action this state does not allow.' })
export class UserErrorType {
  @Field(() => String, { nullable: true, description: 'The input field at fault, as a dotted path; null when not about one field.' })
  field: string | null;

  @Field(() => UserErrorCode, { description: 'A stable machine-readable code; the same values appear in a query\'s extensions.problems[].code.' })
  code: UserErrorCode;

  @Field(() => String, { description: 'What went wrong, in English, naming the case (an order code, a limit) where it helps.' })
  message: string;
}
