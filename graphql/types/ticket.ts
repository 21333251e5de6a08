import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { Ticket } from '@/entities';
import { ConnectionType } from './connection';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { DateTimeScalar } from '../scalars';
import { TextInput } from '../text-rule';

export enum TicketStatusEnum { OPEN = 'OPEN', ANSWERED = 'ANSWERED', CUSTOMER_REPLIED = 'CUSTOMER_REPLIED', CLOSED = 'CLOSED' }
registerEnumType(TicketStatusEnum, {
  name: 'TicketStatus',
  description: 'OPEN: waiting for support\'s first answer. ANSWERED: support replied. CUSTOMER_REPLIED: the customer wrote after support\'s answer. CLOSED: done; a reply within 14 days reopens it.',
});
export enum TicketDepartmentEnum { TECHNICAL = 'TECHNICAL', BILLING = 'BILLING', SALES = 'SALES' }
registerEnumType(TicketDepartmentEnum, { name: 'TicketDepartment' });
export enum TicketPriorityEnum { LOW = 'LOW', NORMAL = 'NORMAL', HIGH = 'HIGH', URGENT = 'URGENT' }
registerEnumType(TicketPriorityEnum, { name: 'TicketPriority' });
export enum TicketKindEnum { REQUEST = 'REQUEST', CANCELLATION = 'CANCELLATION' }
registerEnumType(TicketKindEnum, { name: 'TicketKind', description: "REQUEST: opened by the customer. CANCELLATION: a confirmed cancellation, in support's queue." });
export enum TicketMessageChannelEnum { PORTAL = 'PORTAL', EMAIL = 'EMAIL', SYSTEM = 'SYSTEM' }
registerEnumType(TicketMessageChannelEnum, { name: 'TicketMessageChannel', description: 'PORTAL: written in the portal or the API. EMAIL: a reply by email. SYSTEM: written by the panel.' });

@PlainObjectType('TicketAttachment', { description: 'A file sent with a message; downloaded from `url` by who may see the ticket.' })
export class TicketAttachmentType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  fileName: string;

  @Field(() => String, { description: 'The type found in the file itself.' })
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field(() => String, { description: 'Where to download it (same origin, signed in or with the API token).' })
  url: string;
}

@PlainObjectType('TicketMessage', { description: 'A message of a ticket\'s thread, never edited once sent.' })
export class TicketMessageType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Who wrote it: a login\'s email, or "system".' })
  author: string;

  @Field(() => Boolean, { description: 'Written by support (the back office).' })
  fromSupport: boolean;

  @Field(() => Boolean, { description: 'An internal note: support\'s alone.' })
  internal: boolean;

  @Field(() => TicketMessageChannelEnum)
  channel: TicketMessageChannelEnum;

  @Field(() => String)
  body: string;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => [TicketAttachmentType])
  attachments: TicketAttachmentType[];
}

@PlainObjectType('Ticket', { description: 'A support request of an account (docs/product-rules.md, Support).' })
export class TicketType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'How emails refer to it: # and the first 8 characters of the id.' })
  reference: string;

  @Field(() => String)
  subject: string;

  @Field(() => TicketDepartmentEnum)
  department: TicketDepartmentEnum;

  @Field(() => TicketPriorityEnum)
  priority: TicketPriorityEnum;

  @Field(() => TicketStatusEnum)
  status: TicketStatusEnum;

  @Field(() => TicketKindEnum)
  kind: TicketKindEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'The latest message (notes included).' })
  lastActivityAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt: Date | null;
}

export const TicketConnectionType = ConnectionType('Ticket', TicketType);

@InputType('TicketFilter')
export class TicketFilterInput {
  @Field(() => TicketStatusEnum, { nullable: true })
  status?: TicketStatusEnum | null;

  @Field(() => TicketDepartmentEnum, { nullable: true })
  department?: TicketDepartmentEnum | null;

  @Field(() => TicketPriorityEnum, { nullable: true })
  priority?: TicketPriorityEnum | null;

  @Field(() => Boolean, { nullable: true, description: 'Support: only the tickets assigned to the caller.' })
  assignedToMe?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Only the tickets without activity for at least this many days.' })
  olderThanDays?: number | null;

  @Field(() => ID, { nullable: true, description: "One account's tickets: a reseller's client's, or any for the back office." })
  accountId?: string | null;
}

@InputType('OpenTicketInput')
export class OpenTicketInput {
  @Field(() => String)
  @TextInput({ maxLength: 200 })
  subject: string;

  @Field(() => TicketDepartmentEnum)
  department: TicketDepartmentEnum;

  @Field(() => TicketPriorityEnum, { nullable: true, description: 'NORMAL by default.' })
  priority?: TicketPriorityEnum | null;

  @Field(() => ID, { nullable: true, description: 'The service the request is about.' })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'The order the request is about (HCS code).' })
  @TextInput({ maxLength: 32 })
  orderCode?: string | null;

  @Field(() => String)
  @TextInput({ maxLength: 50_000, multiline: true })
  message: string;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded to /api/tickets/attachments by the caller, at most 5.' })
  attachmentIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: "A reseller's client (or, for the back office, any account); the caller's own by default." })
  accountId?: string | null;
}

@InputType('ReplyToTicketInput')
export class ReplyToTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => String)
  @TextInput({ maxLength: 50_000, multiline: true })
  message: string;

  @Field(() => [ID], { nullable: true, description: 'Files uploaded to /api/tickets/attachments by the caller, at most 5.' })
  attachmentIds?: string[] | null;
}

@InputType('AssignTicketInput')
export class AssignTicketInput {
  @Field(() => ID)
  ticketId: string;

  @Field(() => ID, { nullable: true, description: 'A back-office login; the caller by default.' })
  userId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Leave the ticket to nobody.' })
  unassign?: boolean | null;
}

@InputType('AddTicketNoteInput')
export class AddTicketNoteInput extends ReplyToTicketInput {}

@InputType('CloseTicketInput')
export class CloseTicketInput {
  @Field(() => ID)
  ticketId: string;
}

@InputType('ReopenTicketInput')
export class ReopenTicketInput extends CloseTicketInput {}

@PlainObjectType('TicketPayload')
export class TicketPayload {
  @Field(() => TicketType, { nullable: true })
  ticket: Ticket | null;

  @Field(() => TicketMessageType, { nullable: true, description: 'The message written, for the mutations that write one.' })
  message?: TicketMessageType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
