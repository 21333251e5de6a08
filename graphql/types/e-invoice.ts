import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { EInvoice, Invoice, SdiNotification } from '@/entities';
import { ConnectionType } from './connection';
import { InvoiceType } from './invoice';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { DateTimeScalar } from '../scalars';
import { TextInput } from '../text-rule';

export enum EInvoiceStatusEnum { TO_SEND = 'TO_SEND', SENT = 'SENT', DELIVERED = 'DELIVERED', NOT_DELIVERABLE = 'NOT_DELIVERABLE', REJECTED = 'REJECTED' }
registerEnumType(EInvoiceStatusEnum, {
  name: 'EInvoiceStatus',
  description: 'TO_SEND: waiting for the transmission channel (or a retry). SENT: handed to the SdI by PEC, or kept by the local capture. '
    + 'DELIVERED: the SdI delivered it (RC). NOT_DELIVERABLE: valid, but left in the customer\'s reserved area on the tax agency\'s site (MC). '
    + 'REJECTED: refused by the SdI (NS, with its errors); the back office sends it again.',
});

export enum SdiNotificationKindEnum { RC = 'RC', NS = 'NS', MC = 'MC' }
registerEnumType(SdiNotificationKindEnum, { name: 'SdiNotificationKind', description: 'RC delivered, NS rejected, MC not deliverable.' });

@PlainObjectType('SdiError', { description: 'A reason the SdI gave for rejecting a file.' })
export class SdiErrorType {
  @Field(() => String, { description: "The SdI's 5-digit error code, e.g. 00305." })
  code: string;

  @Field(() => String)
  description: string;
}

@PlainObjectType('SdiNotification', { description: 'An answer of the SdI about a sent file, as imported by the back office.' })
export class SdiNotificationType {
  @Field(() => SdiNotificationKindEnum)
  kind: SdiNotificationKindEnum;

  @Field(() => String, { description: "The notification's own file name." })
  fileName: string;

  @Field(() => String, { description: "The SdI's id of the sent file." })
  identificativoSdi: string;

  @Field(() => String)
  messageId: string;

  @Field(() => DateTimeScalar, { description: 'When the SdI received the sent file.' })
  receivedAt: Date;

  @Field(() => [SdiErrorType], { description: 'NS: why the file was rejected.' })
  errors: SdiErrorType[];

  @Field(() => DateTimeScalar, { description: 'When it was imported.' })
  createdAt: Date;
}

@PlainObjectType('EInvoice', { description: 'A FatturaPA file of an invoice, and what the SdI answered about it.' })
export class EInvoiceType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'IT<seller VAT number>_<5 letters or digits>.xml' })
  fileName: string;

  @Field(() => EInvoiceStatusEnum)
  status: EInvoiceStatusEnum;

  @Field(() => String, { nullable: true, description: 'How it went out: capture (kept for the back office) or pec; null until sent.' })
  channel: string | null;

  @Field(() => Int, { description: 'Transmission attempts so far.' })
  attempts: number;

  @Field(() => String, { nullable: true, description: 'Back office only: why the last transmission attempt failed.' })
  lastError: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt: Date | null;

  @Field(() => String, { description: 'The XML, for the owner, its reseller and the back office.' })
  xmlUrl: string;

  @Field(() => [SdiNotificationType], { description: 'Oldest first.' })
  notifications: SdiNotification[];

  @Field(() => InvoiceType)
  invoice: Invoice;
}

export const EInvoiceConnectionType = ConnectionType('EInvoice', EInvoiceType);

@InputType('ImportSdiNotificationInput')
export class ImportSdiNotificationInput {
  @Field(() => String, { description: "The notification's file name, e.g. IT01234567890_00001_NS_001.xml." })
  @TextInput({ maxLength: 100 })
  fileName: string;

  @Field(() => String, { description: 'The XML as received.' })
  @TextInput({ maxLength: 1_000_000, multiline: true })
  xml: string;
}

@PlainObjectType('ImportSdiNotificationPayload')
export class ImportSdiNotificationPayload {
  @Field(() => SdiNotificationType, { nullable: true })
  notification: SdiNotification | null;

  @Field(() => EInvoiceType, { nullable: true, description: 'The file it is about, with its status as it follows.' })
  eInvoice: EInvoice | null;

  @Field(() => Boolean, { description: 'True when the same notification (message id) was imported before: nothing changed.' })
  alreadyImported: boolean;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@InputType('ResendEInvoiceInput')
export class ResendEInvoiceInput {
  @Field(() => String, { description: 'YYYY/NNNNNN' })
  invoiceNumber: string;
}

@PlainObjectType('ResendEInvoicePayload')
export class ResendEInvoicePayload {
  @Field(() => EInvoiceType, { nullable: true, description: 'The new file, to send.' })
  eInvoice: EInvoice | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
