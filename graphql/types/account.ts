import { Field, ID, registerEnumType } from 'type-graphql';
import { namesOf } from '@/domain/billing/stored-names';
import type { TaxProfile } from '@/domain/billing/tax-profile';
import type { BillingSnapshot } from '@/entities/invoice';
import { PlainObjectType } from './object-type';
import { TaxProfileEnum } from './tax';

export enum AccountKindEnum { CUSTOMER = 'CUSTOMER', RESELLER = 'RESELLER' }
registerEnumType(AccountKindEnum, { name: 'AccountKind' });

export enum AccountRoleEnum { OWNER = 'OWNER', BILLING = 'BILLING', TECHNICAL = 'TECHNICAL', READ_ONLY = 'READ_ONLY' }
registerEnumType(AccountRoleEnum, {
  name: 'AccountRole',
  description: 'What a login may do for its account: OWNER everything, and manages the logins; BILLING orders, pays, sees invoices and billing data; TECHNICAL changes, cancels and renews services without paying, sees no invoices; READ_ONLY changes nothing.',
});

export enum UserRoleEnum { USER = 'USER', ADMIN = 'ADMIN', SUPPORT = 'SUPPORT' }
registerEnumType(UserRoleEnum, {
  name: 'UserRole',
  description: "USER acts for its account; ADMIN is the back office; SUPPORT a back-office login for support's work (the ticket queue, reading accounts, services and orders).",
});

export enum BillingKindEnum { PERSON = 'PERSON', COMPANY = 'COMPANY' }
registerEnumType(BillingKindEnum, { name: 'BillingKind', description: 'Invoices made out to a person (first and last name) or a company (its name).' });

@PlainObjectType('BillingDetails', { description: 'What invoices are made out to.' })
export class BillingDetailsType {
  @Field(() => String, { description: "The company's name, or the person's first and last name." })
  name: string;

  @Field(() => BillingKindEnum)
  kind: BillingKindEnum;

  @Field(() => String, { nullable: true, description: "A company's name (FatturaPA Denominazione); null for a person." })
  companyName: string | null;

  @Field(() => String, { nullable: true, description: "A person's first name (FatturaPA Nome); null for a company." })
  firstName: string | null;

  @Field(() => String, { nullable: true, description: "A person's last name (FatturaPA Cognome); null for a company." })
  lastName: string | null;

  @Field(() => String, { nullable: true })
  fiscalCode: string | null;

  @Field(() => String, { nullable: true, description: 'Without the country prefix; outside the EU, the tax id.' })
  vatNumber: string | null;

  @Field(() => String, { nullable: true })
  addressLine: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  province: string | null;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true, description: 'Codice destinatario (SDI) for e-invoices.' })
  recipientCode: string | null;

  @Field(() => String, { nullable: true, description: 'PEC address for e-invoices.' })
  pecEmail: string | null;
}

/** Billing data as kept by an account or an invoice; the kind and names of data kept before them are derived. */
export function billingDetails(snapshot: BillingSnapshot): BillingDetailsType {
  const { name, fiscalCode, vatNumber, addressLine, postalCode, city, province, country, recipientCode, pecEmail } = snapshot;
  const names = namesOf(snapshot);
  return { name, ...names, kind: names.kind as BillingKindEnum, fiscalCode, vatNumber, addressLine, postalCode, city, province, country, recipientCode, pecEmail };
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

  @Field(() => TaxProfileEnum, { description: 'How its invoices are taxed, decided from its billing data (country, VAT number).' })
  taxProfile: TaxProfile;

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
