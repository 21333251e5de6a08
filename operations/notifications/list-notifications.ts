import type { DataSource } from 'typeorm';
import { isUuid } from '@/domain/identity';
import { Notification } from '@/entities';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';

/**
 * The messages sent (or captured) for the account, newest first; a reseller names a client to read
 * the client's, the back office sees every message (support's included) unless it names an account.
 * An account out of reach, or no account at all, lists nothing.
 */
export function listNotifications(db: DataSource, actor: Actor, accountId: string | null | undefined, page: PageArgs): Promise<Page<Notification>> {
  const query = db.getRepository(Notification).createQueryBuilder('notification');
  const malformed = !!accountId && !isUuid(accountId);
  if (malformed) query.where('false');
  return keysetPage(listedFor(query, 'notification.accountId', actor, malformed ? null : accountId), {
    columns: ['notification.createdAt', 'notification.id'],
    direction: 'DESC',
    values: (n) => [n.createdAt.toISOString(), n.id],
  }, page);
}
