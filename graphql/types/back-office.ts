import { Field, ID, InputType, Int } from 'type-graphql';
import type { Account, Service } from '@/entities';
import { AccountKindEnum, AccountType } from './account';
import { BillingDetailsInput } from './billing-details';
import { ConnectionType } from './connection';
import { PlainObjectType } from './object-type';
import { CancellationType, ServiceType } from './service';
import { UserErrorType } from './user-error';
import { DateScalar, DateTimeScalar, JSONObjectScalar } from '../scalars';
import { TextInput } from '../text-rule';

@PlainObjectType('AuditEvent', { description: 'One change: who made it, to what, and the values before and after.' })
export class AuditEventType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Who acted: a login\'s email, "system" or "lifecycle".' })
  actorLabel: string;

  @Field(() => ID, { nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true, description: 'The account the change concerns.' })
  accountId: string | null;

  @Field(() => String, { description: 'e.g. service.provisioned, order.created, product.updated.' })
  action: string;

  @Field(() => String)
  entityType: string;

  @Field(() => String)
  entityId: string;

  @Field(() => JSONObjectScalar, { nullable: true })
  before: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  after: Record<string, unknown> | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

export const AuditEventConnectionType = ConnectionType('AuditEvent', AuditEventType);
export const CancellationConnectionType = ConnectionType('Cancellation', CancellationType);

@InputType('AuditTrailFilter')
export class AuditTrailFilterInput {
  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: "The id of the object changed, or its code: an order's HCS code, a product's code, an invoice's number (the events of the order it was issued for)." })
  @TextInput({ maxLength: 64 })
  entityId?: string | null;

  @Field(() => String, { nullable: true })
  @TextInput({ maxLength: 64 })
  action?: string | null;
}

@InputType('BillingInput', { description: "A new account's billing data: incomplete data is accepted (paying asks for the rest); the kind is COMPANY with a VAT number and the names come from the account's name, unless given." })
export class BillingInput extends BillingDetailsInput {
  @Field(() => String, { nullable: true, description: 'Former name of address.' })
  @TextInput({ maxLength: 200 })
  addressLine?: string | null;

  @Field(() => String, { nullable: true, description: 'Former name of sdiCode.' })
  @TextInput({ maxLength: 7 })
  recipientCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Former name of pec.' })
  @TextInput({ maxLength: 254 })
  pecEmail?: string | null;
}

@InputType('CreateAccountInput')
export class CreateAccountInput {
  @Field(() => String, { description: 'Person or company name, as on invoices.' })
  @TextInput({ maxLength: 200 })
  name: string;

  @Field(() => String, { description: 'The login, and where notifications go.' })
  @TextInput({ maxLength: 254 })
  email: string;

  @Field(() => String, { description: 'At least 8 characters.' })
  password: string;

  @Field(() => AccountKindEnum)
  kind: AccountKindEnum;

  @Field(() => ID, { nullable: true, description: "A reseller's client: the reseller account." })
  resellerId?: string | null;

  @Field(() => String, { nullable: true, description: 'it (default) or en.' })
  locale?: string | null;

  @Field(() => BillingInput, { nullable: true })
  billing?: BillingInput | null;
}

@PlainObjectType('CreateAccountPayload')
export class CreateAccountPayload {
  @Field(() => AccountType, { nullable: true })
  account: Account | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('ProvisionServiceInput')
export class ProvisionServiceInput {
  @Field(() => ID)
  accountId: string;

  @Field(() => String)
  productCode: string;

  @Field(() => String)
  @TextInput({ maxLength: 253 })
  domain: string;

  @Field(() => DateScalar, { nullable: true, description: 'Where the current term began; today when omitted.' })
  termStartsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it is deactivated unless renewed; a year after termStartsOn when omitted.' })
  expiresOn?: string | null;

  @Field(() => ID, { nullable: true, description: "A client's additional domain: the reseller's plan hosting it." })
  parentServiceId?: string | null;

  @Field(() => Int, { nullable: true, description: "What the customer pays per term, in cents excluding VAT; the product's list price when omitted." })
  recurringPriceCents?: number | null;
}

@PlainObjectType('ProvisionServicePayload')
export class ProvisionServicePayload {
  @Field(() => ServiceType, { nullable: true })
  service: Service | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
