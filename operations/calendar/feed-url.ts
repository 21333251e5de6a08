import type { DataSource, EntityManager } from 'typeorm';
import { CalendarFeed } from '@/entities';
import { portalUrl } from '@/lib/config';
import type { Actor } from '../actor';
import { recordAudit } from '../audit';
import { ForbiddenError, UserInputError } from '../errors';
import { feedSecret, feedSecretHash, newFeedNonce } from './feed-secret';

/** The query string of a reseller's feed that lists its clients' expiries too. */
export const WITH_CLIENTS = 'include=clients';

function accountOf(actor: Actor): string {
  if (!actor.accountId) throw new ForbiddenError('The calendar feed belongs to an account');
  return actor.accountId;
}

function checkClientsWanted(actor: Actor, includeClients: boolean): void {
  if (includeClients && actor.accountKind !== 'RESELLER') throw new UserInputError('NOT_AVAILABLE', 'only a reseller has clients to include', 'includeClients');
}

function urlOf(accountId: string, nonce: string, includeClients: boolean): string {
  return portalUrl(`/api/calendar/${feedSecret(accountId, nonce)}.ics${includeClients ? `?${WITH_CLIENTS}` : ''}`);
}

/** Stores the feed's nonce and its secret's hash; an existing feed is replaced, or kept when `replace` is false. */
async function saveFeed(manager: EntityManager, accountId: string, nonce: string, replace: boolean): Promise<void> {
  await manager.query(`INSERT INTO "calendar_feeds" ("account_id", "nonce", "secret_hash") VALUES ($1, $2, $3)
    ON CONFLICT ("account_id") DO ${replace ? 'UPDATE SET "nonce" = EXCLUDED."nonce", "secret_hash" = EXCLUDED."secret_hash"' : 'NOTHING'}`,
  [accountId, nonce, feedSecretHash(feedSecret(accountId, nonce))]);
}

/**
 * The account's secret calendar URL, made on the first ask. `includeClients` (resellers only) gives the URL of
 * the feed that lists the clients' expiries too; both stop working when the feed is regenerated. A feed whose
 * stored hash no longer matches (the server's key changed) is brought up to date.
 */
export async function calendarFeedUrl(db: DataSource, actor: Actor, includeClients: boolean): Promise<string> {
  const accountId = accountOf(actor);
  checkClientsWanted(actor, includeClients);
  let feed = await db.manager.findOneBy(CalendarFeed, { accountId });
  if (!feed) {
    await saveFeed(db.manager, accountId, newFeedNonce(), false);
    feed = await db.manager.findOneByOrFail(CalendarFeed, { accountId });
  } else if (feed.secretHash !== feedSecretHash(feedSecret(accountId, feed.nonce))) {
    await saveFeed(db.manager, accountId, feed.nonce, true);
  }
  return urlOf(accountId, feed.nonce, includeClients);
}

/** A new secret: the account's calendar URLs change and the old ones answer 404. Returns the new URL. */
export async function regenerateCalendarFeed(db: DataSource, actor: Actor, includeClients: boolean): Promise<string> {
  const accountId = accountOf(actor);
  checkClientsWanted(actor, includeClients);
  const nonce = newFeedNonce();
  await db.transaction(async (manager) => {
    await saveFeed(manager, accountId, nonce, true);
    await recordAudit(manager, actor, { action: 'calendar_feed.regenerated', entityType: 'Account', entityId: accountId, accountId });
  });
  return urlOf(accountId, nonce, includeClients);
}
