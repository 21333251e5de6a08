import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { Cancellation, Order, Quote, Service } from '@/entities';
import { ProductType } from './catalog';
import { PlainObjectType } from './object-type';
import { FixedTaxFields } from './tax';
import { CardPaymentSessionType } from './payment';
import { MoneyType } from './money';
import { OrderType, PaymentMethodEnum } from './order';
import { CancellationReasonEnum, CancellationType, ServiceType } from './service';
import { UserErrorType } from './user-error';
import { DateScalar, DateTimeScalar } from '../scalars';
import { TextInput } from '../text-rule';

export enum QuoteKindEnum { SERVICE_CHANGE = 'SERVICE_CHANGE', CANCELLATION = 'CANCELLATION' }
registerEnumType(QuoteKindEnum, { name: 'QuoteKind' });

export enum ChangeDirectionEnum { UPGRADE = 'UPGRADE', DOWNGRADE = 'DOWNGRADE' }
registerEnumType(ChangeDirectionEnum, { name: 'ChangeDirection' });

export enum DeactivationKindEnum { FEATURE = 'FEATURE', SERVICE = 'SERVICE', DOMAIN = 'DOMAIN' }
registerEnumType(DeactivationKindEnum, { name: 'DeactivationKind' });

@PlainObjectType('QuoteLine')
export class QuoteLineType {
  @Field(() => String, { description: 'CREDIT, NEW_PLAN, NEW_PLAN_FULL_YEAR or CHANGE_FEE.' })
  kind: string;

  @Field(() => String)
  description: string;

  @Field(() => Int, { description: 'Signed: a credit is negative. Excluding VAT.' })
  amountCents: number;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@PlainObjectType('Deactivation', { description: 'Something the change or cancellation switches off.' })
export class DeactivationType {
  @Field(() => DeactivationKindEnum)
  kind: DeactivationKindEnum;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  domain: string | null;
}

@PlainObjectType('Quote', { description: 'A priced proposal, valid 30 minutes; confirming applies exactly what it says.' })
export class QuoteType extends FixedTaxFields {
  @Field(() => ID)
  id: string;

  @Field(() => QuoteKindEnum)
  kind: QuoteKindEnum;

  @Field(() => ServiceType)
  service: ServiceType;

  @Field(() => ProductType, { nullable: true })
  targetProduct: ProductType | null;

  @Field(() => [QuoteLineType])
  lines: QuoteLineType[];

  @Field(() => Int)
  netCents: number;

  @Field(() => Int)
  vatCents: number;

  @Field(() => Int)
  totalCents: number;

  @Field(() => MoneyType)
  net: MoneyType;

  @Field(() => MoneyType)
  vat: MoneyType;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => ChangeDirectionEnum, { nullable: true })
  direction: ChangeDirectionEnum | null;

  @Field(() => Boolean, { description: 'The service expires within 60 days.' })
  nearExpiry: boolean;

  @Field(() => Int, { description: 'Near-expiry upgrade: days of the current term given free.' })
  freeDays: number;

  @Field(() => DateScalar, { description: 'The expiry once applied.' })
  newExpiresOn: string;

  @Field(() => DateScalar, { description: 'When it takes effect: when paid for a change, the expiry day for a cancellation.' })
  effectiveOn: string;

  @Field(() => Int, { nullable: true, description: 'A change: what the service renews at afterwards (the new product\'s list price). Null for a cancellation.' })
  renewalPriceCents: number | null;

  @Field(() => Boolean, { description: 'A downgrade near expiry: the renewal of the new product falls due on the current expiry day.' })
  renewalDueOnExpiry: boolean;

  @Field(() => [DeactivationType])
  deactivations: DeactivationType[];

  @Field(() => String, { nullable: true, description: 'The unpaid order of this service that confirming cancels.' })
  supersedesOrderCode: string | null;

  @Field(() => CancellationReasonEnum, { nullable: true })
  cancellationReason: CancellationReasonEnum | null;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => Boolean, { description: 'The time to confirm it (until expiresAt) has run out: confirming answers QUOTE_EXPIRED.' })
  expired: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  confirmedAt: Date | null;
}

@InputType('RequestServiceChangeInput')
export class RequestServiceChangeInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  targetProductCode: string;
}

@InputType('CancelServiceInput')
export class CancelServiceInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => CancellationReasonEnum)
  reason: CancellationReasonEnum;

  @Field(() => String, { nullable: true, description: 'Required for OTHER; at most 500 characters.' })
  @TextInput({ maxLength: 500, multiline: true })
  reasonText?: string | null;
}

@PlainObjectType('QuotePayload')
export class QuotePayload {
  @Field(() => QuoteType, { nullable: true })
  quote: Quote | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('ConfirmQuoteInput')
export class ConfirmQuoteInput {
  @Field(() => ID)
  quoteId: string;

  @Field(() => PaymentMethodEnum, { nullable: true, description: 'Required for a service change.' })
  paymentMethod?: PaymentMethodEnum | null;

  @Field(() => String, { nullable: true, description: 'Confirming again with the same key returns the same result.' })
  @TextInput({ maxLength: 200 })
  idempotencyKey?: string | null;
}

@PlainObjectType('ConfirmQuotePayload')
export class ConfirmQuotePayload {
  @Field(() => QuoteType, { nullable: true })
  quote: Quote | null;

  @Field(() => OrderType, { nullable: true, description: 'A service change: the order awaiting payment.' })
  order: Order | null;

  @Field(() => CancellationType, { nullable: true, description: 'A cancellation: the confirmed cancellation.' })
  cancellation: Cancellation | null;

  @Field(() => CardPaymentSessionType, { nullable: true, description: 'Paying by card: what the portal needs to collect it.' })
  cardPayment: CardPaymentSessionType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('WithdrawCancellationInput')
export class WithdrawCancellationInput {
  @Field(() => ID)
  serviceId: string;
}

@PlainObjectType('WithdrawCancellationPayload')
export class WithdrawCancellationPayload {
  @Field(() => ServiceType, { nullable: true })
  service: Service | null;

  @Field(() => CancellationType, { nullable: true })
  cancellation: Cancellation | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('RenewServiceInput')
export class RenewServiceInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => PaymentMethodEnum)
  paymentMethod: PaymentMethodEnum;
}

@PlainObjectType('RenewServicePayload')
export class RenewServicePayload {
  @Field(() => OrderType, { nullable: true })
  order: Order | null;

  @Field(() => OrderType, { nullable: true, description: 'The unpaid order of the service this renewal replaced.' })
  supersededOrder: Order | null;

  @Field(() => CardPaymentSessionType, { nullable: true, description: 'Paying by card: what the portal needs to collect it.' })
  cardPayment: CardPaymentSessionType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
