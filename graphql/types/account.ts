import { Field, ID, registerEnumType } from 'type-graphql';
import { PlainObjectType } from './object-type';

export enum AccountKindEnum { CUSTOMER = 'CUSTOMER', RESELLER = 'RESELLER' }
registerEnumType(AccountKindEnum, { name: 'AccountKind' });

export enum AccountRoleEnum { OWNER = 'OWNER', BILLING = 'BILLING', TECHNICAL = 'TECHNICAL', READ_ONLY = 'READ_ONLY' }
registerEnumType(AccountRoleEnum, {
  name: 'AccountRole',
  description: 'What a login may do for its account: OWNER everything, and manages the logins; BILLING orders, pays, sees invoices and billing data; TECHNICAL changes, cancels and renews services without paying, sees no invoices; READ_ONLY changes nothing.',
});

export enum UserRoleEnum { USER = 'USER', ADMIN = 'ADMIN' }
registerEnumType(UserRoleEnum, { name: 'UserRole', description: 'USER acts for its account; ADMIN is the back office.' });

@PlainObjectType('BillingDetails', { description: 'What invoices are made out to.' })
export class BillingDetailsType {
  @Field(() => String, { description: 'Person or company name.' })
  name: string;

  @Field(() => String, { nullable: true })
  fiscalCode: string | null;

  @Field(() => String, { nullable: true })
  vatNumber: string | null;

  @Field(() => String, { nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field(() => String)
  country: string;

  @Field(() => String, { nullable: true, description: 'Codice destinatario (SDI) for e-invoices.' })
  recipientCode: string | null;

  @Field(() => String, { nullable: true, description: 'PEC address for e-invoices.' })
  pecEmail: string | null;
}

@PlainObjectType('Account')
export class AccountType {
  @Field(() => ID)
  id: string;

  @Field(() => AccountKindEnum)
  kind: AccountKindEnum;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => String, { description: 'it or en.' })
  locale: string;

  @Field(() => BillingDetailsType)
  billing: BillingDetailsType;

  @Field(() => AccountType, { nullable: true, description: "A client's reseller." })
  reseller: AccountType | null;
}

@PlainObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  email: string;

  @Field(() => UserRoleEnum)
  role: UserRoleEnum;

  @Field(() => String, { description: 'How the person is called (empty until given).' })
  name: string;

  @Field(() => String, { nullable: true, description: "The login's language, it or en; null: the account's." })
  locale: string | null;

  @Field(() => AccountRoleEnum, { nullable: true, description: 'Its role in its account; null for the back office.' })
  accountRole: AccountRoleEnum | null;

  @Field(() => Boolean, { description: 'Whether signing in takes a TOTP code (or a recovery code) after the password.' })
  twoFactorEnabled: boolean;

  @Field(() => Boolean, { description: 'Whether the login must have two-factor login (the back office): without it, it can do nothing but enrol.' })
  twoFactorRequired: boolean;
}

@PlainObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType)
  user: UserType;

  @Field(() => AccountType, { nullable: true, description: 'Null for a back-office login.' })
  account: AccountType | null;
}
