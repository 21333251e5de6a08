import { Field, InputType } from 'type-graphql';
import type { Account } from '@/entities';
import { TextInput } from '../text-rule';
import { AccountType } from './account';
import { BillingDetailsInput } from './billing-details';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@InputType('CreateClientInput')
export class CreateClientInput {
  @Field(() => String, { description: 'Person or company name, as on invoices.' })
  @TextInput({ maxLength: 200 })
  name: string;

  @Field(() => String, { description: "The owner's login, invited by email to choose a password; where notifications go." })
  @TextInput({ maxLength: 254 })
  email: string;

  @Field(() => BillingDetailsInput, { description: 'The billing data, checked as `updateBillingDetails` checks it.' })
  billing: BillingDetailsInput;
}

@PlainObjectType('CreateClientPayload')
export class CreateClientPayload {
  @Field(() => AccountType, { nullable: true })
  client: Account | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
