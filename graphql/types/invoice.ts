import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { Invoice } from '@/entities';
import { BillingDetailsType } from './account';
import { ConnectionType } from './connection';
import { EInvoiceType } from './e-invoice';
import { MoneyType } from './money';
import { PlainObjectType } from './object-type';
import { FixedTaxFields } from './tax';
import { PaymentMethodEnum } from './order';
import { UserErrorType } from './user-error';
import { DateScalar } from '../scalars';

export enum InvoiceKindEnum { INVOICE = 'INVOICE', CREDIT_NOTE = 'CREDIT_NOTE' }
registerEnumType(InvoiceKindEnum, { name: 'InvoiceKind', description: 'INVOICE (TD01), or CREDIT_NOTE (TD04): a correction of an invoice, in the same numbering.' });

@PlainObjectType('InvoiceLine')
export class InvoiceLineType {
  @Field(() => String)
  description: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@PlainObjectType('Invoice', { description: 'Issued when an order is paid, or a credit note correcting one; never edited.' })
export class InvoiceType extends FixedTaxFields {
  @Field(() => ID)
  id: string;

  @Field(() => InvoiceKindEnum)
  kind: InvoiceKindEnum;

  @Field(() => String, { nullable: true, description: 'A credit note: the number of the invoice it corrects.' })
  correctsInvoiceNumber: string | null;

  @Field(() => String, { nullable: true, description: 'A credit note: why it was issued.' })
  reason: string | null;

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

  @Field(() => String, { description: "The order it was paid with; a credit note's is the order of the invoice it corrects." })
  orderCode: string;

  @Field(() => EInvoiceType, { nullable: true, description: 'The FatturaPA document (its current file); null for invoices issued before e-invoicing.' })
  eInvoice: EInvoiceType | null;
}

export const InvoiceConnectionType = ConnectionType('Invoice', InvoiceType);

@InputType('IssueCreditNoteInput')
export class IssueCreditNoteInput {
  @Field(() => String, { description: 'The invoice corrected, YYYY/NNNNNN.' })
  invoiceNumber: string;

  @Field(() => Int, { nullable: true, description: "The net amount credited, in cents, VAT added at the invoice's rate; omitted, the whole invoice." })
  amountCents?: number | null;

  @Field(() => String, { description: 'Why; printed on the credit note.' })
  reason: string;
}

@PlainObjectType('IssueCreditNotePayload')
export class IssueCreditNotePayload {
  @Field(() => InvoiceType, { nullable: true })
  creditNote: Invoice | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
