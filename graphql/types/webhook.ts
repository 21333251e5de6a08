import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import type { WebhookDeliveryStatus } from '@/entities/webhook-delivery';
import { DateTimeScalar, JSONObjectScalar } from '../scalars';
import { ConnectionType } from './connection';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { TextInput } from '../text-rule';

export enum WebhookDeliveryStatusEnum { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED' }
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING: waiting for its next attempt; DELIVERED: a 2xx answer came; FAILED: given up after about three days of retries.',
});

@PlainObjectType('WebhookEndpoint', { description: "Where the account's events (and a reseller's clients') are delivered, signed with the endpoint's secret." })
export class WebhookEndpointType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  url: string;

  @Field(() => [String], { description: 'The event types subscribed, e.g. order.paid.' })
  events: string[];

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Until when the secret replaced by the last rotation still signs beside the new one.' })
  previousSecretExpiresAt: Date | null;
}

@PlainObjectType('WebhookAttempt', { description: 'One try at sending a delivery.' })
export class WebhookAttemptType {
  @Field(() => DateTimeScalar)
  attemptedAt: Date;

  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when no answer came." })
  statusCode: number | null;

  @Field(() => Int)
  durationMs: number;

  @Field(() => String, { nullable: true, description: "The first kilobyte of the receiver's answer." })
  responseExcerpt: string | null;

  @Field(() => String, { nullable: true, description: 'Why no answer came (timeout, refused address, connection error).' })
  error: string | null;
}

@PlainObjectType('WebhookDelivery', { description: 'One event for one endpoint, with its attempts.' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'The `webhook-id` header: the same on every attempt of the event.' })
  messageId: string;

  @Field(() => String)
  eventType: string;

  @Field(() => JSONObjectScalar, { description: 'The body sent: { type, timestamp, data }.' })
  payload: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatusEnum)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt: Date | null;

  @Field(() => DateTimeScalar, { description: 'When it is tried next, while PENDING.' })
  nextAttemptAt: Date;

  @Field(() => [WebhookAttemptType], { description: 'Every attempt, oldest first.' })
  attemptLog: WebhookAttemptType[];
}

export const WebhookDeliveryConnectionType = ConnectionType('WebhookDelivery', WebhookDeliveryType);

@InputType('CreateWebhookEndpointInput')
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https:// address on the public internet.' })
  @TextInput({ maxLength: 2000 })
  url: string;

  @Field(() => [String], { description: 'Event types: service.expiring, service.deactivated, service.changed, order.created, order.paid, invoice.issued, cancellation.confirmed, cancellation.withdrawn.' })
  @TextInput({ maxLength: 40 })
  events: string[];
}

@InputType('WebhookEndpointInput')
export class WebhookEndpointInput {
  @Field(() => ID)
  id: string;
}

@InputType('RedeliverWebhookInput')
export class RedeliverWebhookInput {
  @Field(() => ID)
  deliveryId: string;
}

@PlainObjectType('WebhookEndpointSecretPayload', { description: 'An endpoint and its new secret.' })
export class WebhookEndpointSecretPayload {
  @Field(() => WebhookEndpointType, { nullable: true })
  webhookEndpoint: WebhookEndpointType | null;

  @Field(() => String, { nullable: true, description: 'The signing secret (whsec_…). Shown this once.' })
  secret: string | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@PlainObjectType('DeleteWebhookEndpointPayload')
export class DeleteWebhookEndpointPayload {
  @Field(() => WebhookEndpointType, { nullable: true, description: 'The endpoint deleted.' })
  webhookEndpoint: WebhookEndpointType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}

@PlainObjectType('RedeliverWebhookPayload')
export class RedeliverWebhookPayload {
  @Field(() => WebhookDeliveryType, { nullable: true, description: 'The delivery, PENDING again.' })
  delivery: WebhookDeliveryType | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
