import { Field, ID, Int } from 'type-graphql';
import { BillingDetailsType } from './account';
import { ConnectionType } from './connection';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';
import { FixedTaxFields } from './tax';
import { PaymentMethodEnum } from './order';
import { DateScalar } from '../scalars';

@PlainObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => String)
  description: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@PlainObjectType('Invoice', { description: 'Issued when an order is paid; never edited.' })
export class InvoiceType extends FixedTaxFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'YYYY/NNNNNN, progressive per calendar year.' })
  number: string;

  @Field(() => Int)
  year: number;

  @Field(() => DateScalar)
  issuedOn: string;

  @Field(() => Int)
  netCents: number;

  @Field(() => Int)
  vatCents: number;

  @Field(() => Int)
  totalCents: number;

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => [InvoiceLineType])
  lines: InvoiceLineType[];

  @Field(() => BillingDetailsType, { description: "The customer's billing data when it was issued." })
  billing: BillingDetailsType;

  @Field(() => PaymentMethodEnum)
  paymentMethod: PaymentMethodEnum;

  @Field(() => String, { description: 'The PDF, for the owner, its reseller and the back office.' })
  pdfUrl: string;

  @Field(() => String)
  orderCode: string;
}

export const InvoiceConnectionType = ConnectionType('Invoice', InvoiceType);
