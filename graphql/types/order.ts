import { Field, ID, Int, registerEnumType } from 'type-graphql';
import { ProductType } from './catalog';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';
import { FixedTaxFields } from './tax';
import { ServiceType } from './service';
import { DateScalar, DateTimeScalar } from '../scalars';
import { ConnectionType } from './connection';

export enum OrderStatusEnum { AWAITING_PAYMENT = 'AWAITING_PAYMENT', PAID = 'PAID', FULFILLED = 'FULFILLED', CANCELLED = 'CANCELLED' }
registerEnumType(OrderStatusEnum, { name: 'OrderStatus' });

export enum OrderKindEnum { NEW_SERVICE = 'NEW_SERVICE', RENEWAL = 'RENEWAL', UPGRADE = 'UPGRADE', DOWNGRADE = 'DOWNGRADE' }
registerEnumType(OrderKindEnum, { name: 'OrderKind' });

export enum PaymentMethodEnum { CARD = 'CARD', BANK_TRANSFER = 'BANK_TRANSFER', POSTAL_SLIP = 'POSTAL_SLIP' }
registerEnumType(PaymentMethodEnum, { name: 'PaymentMethod', description: 'Credit card (Stripe), bank transfer ("bonifico") or postal slip ("bollettino postale").' });

@PlainObjectType('OrderLine')
export class OrderLineType {
  @Field(() => String)
  description: string;

  @Field(() => Int, { description: 'Signed: a credit is negative. Excluding VAT.' })
  amountCents: number;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@PlainObjectType('Order', { description: 'A priced action identified by its HCS code.' })
export class OrderType extends FixedTaxFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'HCS-YYYY-NNNNNN' })
  code: string;

  @Field(() => OrderStatusEnum)
  status: OrderStatusEnum;

  @Field(() => OrderKindEnum)
  kind: OrderKindEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateScalar, { description: 'The day the order was placed (Europe/Rome).' })
  placedOn: string;

  @Field(() => [OrderLineType])
  lines: OrderLineType[];

  @Field(() => Int)
  netCents: number;

  @Field(() => Int)
  vatCents: number;

  @Field(() => Int)
  totalCents: number;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => PaymentMethodEnum, { nullable: true })
  paymentMethod: PaymentMethodEnum | null;

  @Field(() => String, { nullable: true, description: 'Why the last card payment failed (a Payment.failureCode), while the order awaits payment.' })
  paymentFailureCode: string | null;

  @Field(() => String, { nullable: true, description: 'SUPERSEDED, SERVICE_CANCELLED or UNPAID_EXPIRED.' })
  cancellationReason: string | null;

  @Field(() => ServiceType, { nullable: true })
  service: ServiceType | null;

  @Field(() => ProductType, { nullable: true, description: 'The product a change switches to.' })
  targetProduct: ProductType | null;

  @Field(() => DateTimeScalar, { nullable: true })
  paidAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  fulfilledAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  cancelledAt: Date | null;
}

export const OrderConnectionType = ConnectionType('Order', OrderType);
