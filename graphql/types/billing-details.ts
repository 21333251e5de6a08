import { Field, ID, InputType } from 'type-graphql';
import type { Account } from '@/entities';
import { AccountType, BillingKindEnum } from './account';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';

@InputType('BillingDetailsInput', { description: 'Billing data, checked field by field; blanks are empty.' })
export class BillingDetailsInput {
  @Field(() => BillingKindEnum, { nullable: true, description: 'Required: a person or a company.' })
  kind?: BillingKindEnum | null;

  @Field(() => String, { nullable: true, description: "A company's name; required for a company." })
  companyName?: string | null;

  @Field(() => String, { nullable: true, description: "A person's first name; required for a person (at most 60 characters)." })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: "A person's last name; required for a person (at most 60 characters)." })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Required: ISO 3166-1 alpha-2, such as IT or DE.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Italy: the CAP, 5 digits.' })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "Italy: the province's two letters, such as RM." })
  province?: string | null;

  @Field(() => String, { nullable: true, description: "A person's 16 characters, or a company's 11 digits; the check character is verified." })
  fiscalCode?: string | null;

  @Field(() => String, { nullable: true, description: "Italy: 11 digits with the check digit; the EU: the country's format, prefix optional; elsewhere the tax id." })
  vatNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The 7-character SdI code ("codice destinatario"); 0000000 is the same as none.' })
  sdiCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The certified email (PEC) for e-invoices.' })
  pec?: string | null;
}

@InputType('UpdateBillingDetailsInput')
export class UpdateBillingDetailsInput {
  @Field(() => ID, { nullable: true, description: "A reseller's client, or any account for the back office; the caller's own account when omitted." })
  accountId?: string | null;

  @Field(() => BillingDetailsInput, { description: 'The whole billing data: what is left out is left empty.' })
  billing: BillingDetailsInput;
}

@PlainObjectType('UpdateBillingDetailsPayload')
export class UpdateBillingDetailsPayload {
  @Field(() => AccountType, { nullable: true })
  account: Account | null;

  @Field(() => [UserErrorType], { description: 'One per wrong field (billing.fiscalCode, billing.postalCode…); nothing is saved while there are any.' })
  userErrors: UserErrorType[];
}
