import { Field, ID, registerEnumType } from 'type-graphql';
import { namesOf } from '@/domain/billing/stored-names';
import type { TaxProfile } from '@/domain/billing/tax-profile';
import type { BillingSnapshot } from '@/entities/invoice';
import { PlainObjectType } from './object-type';
import { TaxProfileEnum } from './tax';

export enum AccountKindEnum { CUSTOMER = 'CUSTOMER', RESELLER = 'RESELLER' }
registerEnumType(AccountKindEnum, { name: 'AccountKind' });

export enum UserRoleEnum { USER = 'USER', ADMIN = 'ADMIN' }
registerEnumType(UserRoleEnum, { name: 'UserRole', description: 'USER acts for its account; ADMIN is the back office.' });

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
}

@PlainObjectType('Viewer')
export class ViewerType {
  @Field(() => UserType)
  user: UserType;

  @Field(() => AccountType, { nullable: true, description: 'Null for a back-office login.' })
  account: AccountType | null;
}
