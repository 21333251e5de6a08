import type { DataSource } from 'typeorm';
import { Notification } from '@/entities';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';

/**
 * The messages sent (or captured) for the account, newest first; a reseller names a client to read
 * the client's, the back office sees every message (support's included) unless it names an account.
 */
export function listNotifications(db: DataSource, actor: Actor, accountId: string | null | undefined, page: PageArgs): Promise<Page<Notification>> {
  const query = listedFor(db.getRepository(Notification).createQueryBuilder('notification'), 'notification.accountId', actor, accountId);
  return keysetPage(query, {
    columns: ['notification.createdAt', 'notification.id'],
    direction: 'DESC',
    values: (n) => [n.createdAt.toISOString(), n.id],
  }, page);
}
