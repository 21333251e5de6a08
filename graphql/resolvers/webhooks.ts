import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { pageArgs } from '@/operations/pagination';
import { listWebhookDeliveries, redeliverWebhook } from '@/operations/webhooks/deliveries';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, rotateWebhookSecret } from '@/operations/webhooks/endpoints';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireSecondFactor } from '../guards';
import { toConnection } from '../types/connection';
import {
  CreateWebhookEndpointInput, DeleteWebhookEndpointPayload, RedeliverWebhookInput, RedeliverWebhookPayload, WebhookDeliveryConnectionType,
  WebhookEndpointInput, WebhookEndpointSecretPayload, WebhookEndpointType,
} from '../types/webhook';

/** The account's webhook endpoints and their deliveries (docs/api.md, Webhooks). */
@Resolver()
export class WebhookResolver {
  @Query(() => [WebhookEndpointType], { description: "The account's webhook endpoints, newest first." })
  webhookEndpoints(@Ctx() context: Context) {
    return listWebhookEndpoints(context.db, requireActor(context));
  }

  @Query(() => WebhookDeliveryConnectionType, { description: "An endpoint's deliveries, newest first, with their attempts." })
  async webhookDeliveries(
    @Ctx() context: Context,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listWebhookDeliveries(context.db, requireActor(context), endpointId, pageArgs(first, after)));
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'A new endpoint; its signing secret is in the payload, this once.' })
  async createWebhookEndpoint(@Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput, @Ctx() context: Context): Promise<WebhookEndpointSecretPayload> {
    const actor = requireSecondFactor(context);
    const { result, userErrors } = await attempt(() => createWebhookEndpoint(context.db, actor, input.url, input.events));
    return { webhookEndpoint: result?.endpoint ?? null, secret: result?.secret ?? null, userErrors };
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'A new signing secret, shown this once; the previous one keeps signing beside it for 24 hours.' })
  async rotateWebhookSecret(@Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput, @Ctx() context: Context): Promise<WebhookEndpointSecretPayload> {
    const actor = requireSecondFactor(context);
    const { result, userErrors } = await attempt(() => rotateWebhookSecret(context.db, actor, input.id));
    return { webhookEndpoint: result?.endpoint ?? null, secret: result?.secret ?? null, userErrors };
  }

  @Mutation(() => DeleteWebhookEndpointPayload)
  async deleteWebhookEndpoint(@Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput, @Ctx() context: Context): Promise<DeleteWebhookEndpointPayload> {
    const { result, userErrors } = await attempt(() => deleteWebhookEndpoint(context.db, requireActor(context), input.id));
    return { webhookEndpoint: result, userErrors };
  }

  @Mutation(() => RedeliverWebhookPayload, { description: 'Queues one more attempt of a delivery now, with the same webhook-id.' })
  async redeliverWebhook(@Arg('input', () => RedeliverWebhookInput) input: RedeliverWebhookInput, @Ctx() context: Context): Promise<RedeliverWebhookPayload> {
    const { result, userErrors } = await attempt(() => redeliverWebhook(context.db, requireActor(context), input.deliveryId));
    return { delivery: result, userErrors };
  }
}
