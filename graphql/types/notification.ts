import { Field, ID, registerEnumType } from 'type-graphql';
import { ConnectionType } from './connection';
import { DateTimeScalar } from '../scalars';
import { PlainObjectType } from './object-type';

export enum NotificationStatusEnum { PENDING = 'PENDING', SENT = 'SENT', CAPTURED = 'CAPTURED', FAILED = 'FAILED' }
registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description: 'PENDING: waiting for delivery (or a retry). SENT: accepted by the mail server. CAPTURED: kept instead of sent, no mail server being configured. FAILED: every attempt failed.',
});

@PlainObjectType('Notification', { description: 'An email to the account (a reminder, a confirmation…), as it was written.' })
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'What the message is about, e.g. EXPIRY_REMINDER, SERVICE_DEACTIVATED, CANCELLATION_CONFIRMED.' })
  template: string;

  @Field(() => String)
  toEmail: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  bodyText: string;

  @Field(() => String)
  bodyHtml: string;

  @Field(() => NotificationStatusEnum)
  status: NotificationStatusEnum;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Back office only: why the last delivery attempt failed.' })
  lastError: string | null;
}

export const NotificationConnectionType = ConnectionType('Notification', NotificationType);
