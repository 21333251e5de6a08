import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { isWebhookEventType, SECRET_OVERLAP_HOURS, WEBHOOK_EVENTS, webhookUrlProblem } from '@/domain/webhooks';
import { WebhookEndpoint } from '@/entities';
import { nonPublicAddressOf } from '@/lib/webhooks/public-address';
import { allowPrivateWebhookTargets } from '@/lib/webhooks/settings';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { ForbiddenError, UserInputError, Validation } from '../errors';
import { ownedBy } from '../scope';

/** An endpoint with its secret, returned only by the mutations that make one. */
export interface EndpointWithSecret { endpoint: WebhookEndpoint; secret: string }

/** `whsec_` and 24 random bytes in base64, the form Standard Webhooks libraries take. */
function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

async function checkedInput(urlInput: string, eventsInput: readonly string[]): Promise<{ url: string; events: string[] }> {
  const url = urlInput.trim();
  const events = [...new Set(eventsInput)];
  const allowPrivate = allowPrivateWebhookTargets();
  const urlProblem = webhookUrlProblem(url, allowPrivate);
  const validation = new Validation()
    .check(!urlProblem, 'url', 'INVALID', urlProblem ?? '')
    .check(events.length > 0, 'events', 'REQUIRED', 'subscribe to at least one event')
    .check(events.every(isWebhookEventType), 'events', 'INVALID', `events must be among ${WEBHOOK_EVENTS.join(', ')}`);
  validation.throwIfInvalid();
  const refused = allowPrivate ? null : await nonPublicAddressOf(new URL(url).hostname);
  if (refused) throw new UserInputError('ADDRESS_NOT_ALLOWED', `${new URL(url).hostname} is ${refused}, not a public address`, 'url');
  return { url, events };
}

/** A new endpoint of the actor's account; its secret is returned this once. */
export async function createWebhookEndpoint(db: DataSource, actor: Actor, urlInput: string, eventsInput: readonly string[]): Promise<EndpointWithSecret> {
  if (!actor.accountId) throw new ForbiddenError('Webhook endpoints belong to an account');
  const { url, events } = await checkedInput(urlInput, eventsInput);
  const secret = newSecret();
  return db.transaction(async (manager) => {
    const endpoint = await manager.save(WebhookEndpoint, manager.create(WebhookEndpoint, { accountId: actor.accountId!, url, events, secret }));
    await recordAudit(manager, actor, { action: 'webhook_endpoint.created', entityType: 'WebhookEndpoint', entityId: endpoint.id, accountId: endpoint.accountId, after: { url, events } });
    return { endpoint, secret };
  });
}

export function listWebhookEndpoints(db: DataSource, actor: Actor): Promise<WebhookEndpoint[]> {
  return ownedBy(db.getRepository(WebhookEndpoint).createQueryBuilder('endpoint'), 'endpoint.accountId', actor).orderBy('endpoint.createdAt', 'DESC').getMany();
}

/** One of the actor's account's endpoints; another account's is a missing one. */
export async function endpointInReach(manager: EntityManager, actor: Actor, endpointId: string, field = 'id'): Promise<WebhookEndpoint> {
  const query = isUuid(endpointId) && manager.createQueryBuilder(WebhookEndpoint, 'endpoint').where('endpoint.id = :endpointId', { endpointId });
  const endpoint = query ? await ownedBy(query, 'endpoint.accountId', actor).getOne() : null;
  if (!endpoint) throw new UserInputError('NOT_FOUND', 'no such webhook endpoint', field);
  return endpoint;
}

/** Deletes an endpoint with its deliveries: nothing more is sent to it. */
export async function deleteWebhookEndpoint(db: DataSource, actor: Actor, endpointId: string): Promise<WebhookEndpoint> {
  return db.transaction(async (manager) => {
    const endpoint = await endpointInReach(manager, actor, endpointId);
    await manager.delete(WebhookEndpoint, { id: endpoint.id });
    await recordAudit(manager, actor, { action: 'webhook_endpoint.deleted', entityType: 'WebhookEndpoint', entityId: endpoint.id, accountId: endpoint.accountId, before: { url: endpoint.url, events: endpoint.events } });
    return endpoint;
  });
}

/**
 * A new secret, returned this once. The one it replaces keeps signing beside it for SECRET_OVERLAP_HOURS, so
 * receivers can switch without losing a delivery; a second rotation within the overlap ends the first one's.
 */
export async function rotateWebhookSecret(db: DataSource, actor: Actor, endpointId: string): Promise<EndpointWithSecret> {
  const secret = newSecret();
  return db.transaction(async (manager) => {
    const endpoint = await endpointInReach(manager, actor, endpointId);
    const previousSecretExpiresAt = new Date(Date.now() + SECRET_OVERLAP_HOURS * 3600_000);
    await manager.query(`UPDATE "webhook_endpoints" SET previous_secret = secret, secret = $2, previous_secret_expires_at = $3 WHERE id = $1`, [endpoint.id, secret, previousSecretExpiresAt]);
    await recordAudit(manager, actor, { action: 'webhook_endpoint.secret_rotated', entityType: 'WebhookEndpoint', entityId: endpoint.id, accountId: endpoint.accountId, after: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() } });
    return { endpoint: { ...endpoint, previousSecretExpiresAt }, secret };
  });
}
