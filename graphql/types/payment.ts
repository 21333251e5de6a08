import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { Invoice, Order, Payment } from '@/entities';
import type { CardPaymentSession } from '@/operations/payments/start-card-payment';
import { InvoiceType } from './invoice';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';
import { OrderType, PaymentMethodEnum } from './order';
import { UserErrorType } from './user-error';
import { DateTimeScalar } from '../scalars';
import { TextInput } from '../text-rule';

export enum PaymentStatusEnum { PENDING = 'PENDING', SUCCEEDED = 'SUCCEEDED', FAILED = 'FAILED', REFUNDED = 'REFUNDED' }
registerEnumType(PaymentStatusEnum, { name: 'PaymentStatus', description: 'REFUNDED: collected for an order that could not take it, and given back.' });

export enum PaymentProviderEnum { STRIPE = 'STRIPE', TEST = 'TEST', OFFLINE = 'OFFLINE' }
registerEnumType(PaymentProviderEnum, { name: 'PaymentProvider', description: 'TEST is the built-in test card processor (no real money).' });

@PlainObjectType('Payment', { description: 'One attempt to collect an order.' })
export class PaymentType {
  @Field(() => ID)
  id: string;

  @Field(() => PaymentMethodEnum)
  method: PaymentMethodEnum;

  @Field(() => PaymentProviderEnum)
  provider: PaymentProviderEnum;

  @Field(() => PaymentStatusEnum)
  status: PaymentStatusEnum;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { nullable: true, description: "Why the attempt failed: the card processor's decline code (Stripe's decline_code, else its code) or ours (order_not_payable, amount_mismatch: money collected that is refunded)." })
  failureCode: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the money was given back (status REFUNDED).' })
  refundedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The processor's id of the refund." })
  refundReference: string | null;

  @Field(() => Boolean, { description: 'Made with the test card processor: no money moved.' })
  testMode: boolean;

  @Field(() => DateTimeScalar)
  createdAt: Date;
}

@PlainObjectType('PaymentInstructions', { description: 'How to pay by bank transfer or postal slip; the HCS code is the payment reference.' })
export class PaymentInstructionsType {
  @Field(() => PaymentMethodEnum)
  method: PaymentMethodEnum;

  @Field(() => String)
  beneficiary: string;

  @Field(() => String, { nullable: true })
  iban: string | null;

  @Field(() => String, { nullable: true })
  bankName: string | null;

  @Field(() => String, { nullable: true })
  postalAccount: string | null;

  @Field(() => Int)
  amountCents: number;

  @Field(() => MoneyType)
  amount: MoneyType;

  @Field(() => String, { description: 'Write it as the payment reference ("causale").' })
  reference: string;
}

@PlainObjectType('CardPaymentSession', { description: 'What the portal needs to collect a card: Stripe Elements, or the test processor when testMode.' })
export class CardPaymentSessionType {
  @Field(() => ID)
  paymentId: string;

  @Field(() => PaymentProviderEnum)
  provider: PaymentProviderEnum;

  @Field(() => String)
  clientSecret: string;

  @Field(() => String, { nullable: true, description: "Stripe's publishable key; null in test mode." })
  publishableKey: string | null;

  @Field(() => Int)
  amountCents: number;

  @Field(() => Boolean)
  testMode: boolean;
}

@InputType('PayOrderInput')
export class PayOrderInput {
  @Field(() => String)
  code: string;

  @Field(() => PaymentMethodEnum)
  paymentMethod: PaymentMethodEnum;
}

@PlainObjectType('PayOrderPayload')
export class PayOrderPayload {
  @Field(() => OrderType, { nullable: true })
  order: Order | null;

  @Field(() => CardPaymentSessionType, { nullable: true })
  cardPayment: CardPaymentSessionType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('RecordOfflinePaymentInput')
export class RecordOfflinePaymentInput {
  @Field(() => String)
  orderCode: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { description: "The bank's or post office's reference of the payment received." })
  @TextInput({ maxLength: 255 })
  reference: string;

  @Field(() => PaymentMethodEnum, { nullable: true, description: "BANK_TRANSFER or POSTAL_SLIP; defaults to the order's offline method." })
  method?: PaymentMethodEnum | null;
}

@PlainObjectType('RecordOfflinePaymentPayload')
export class RecordOfflinePaymentPayload {
  @Field(() => OrderType, { nullable: true })
  order: Order | null;

  @Field(() => InvoiceType, { nullable: true })
  invoice: Invoice | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('PayWithTestCardInput')
export class PayWithTestCardInput {
  @Field(() => String, { description: "The card session's clientSecret." })
  clientSecret: string;

  @Field(() => String, { description: '4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined.' })
  cardNumber: string;
}

@PlainObjectType('PayWithTestCardPayload')
export class PayWithTestCardPayload {
  @Field(() => OrderType, { nullable: true })
  order: Order | null;

  @Field(() => PaymentType, { nullable: true })
  payment: Payment | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

export function cardSessionView(session: CardPaymentSession | null | undefined): CardPaymentSessionType | null {
  return session ? { ...session, provider: session.provider as PaymentProviderEnum, testMode: session.provider === 'TEST' } : null;
}
