import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Notification } from '@/entities';
import { listNotifications } from '@/operations/notifications/list-notifications';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { requireActor } from '../guards';
import { toConnection } from '../types/connection';
import { NotificationConnectionType, NotificationType } from '../types/notification';

@Resolver(() => NotificationType)
export class NotificationResolver {
  @Query(() => NotificationConnectionType, { description: "The emails sent (or captured) for the account, newest first; a reseller's client's or, for the back office, any account's with accountId." })
  async notifications(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('accountId', () => ID, { nullable: true }) accountId: string | null,
  ) {
    const actor = requireActor(context);
    return toConnection(await listNotifications(context.db, actor, accountId, pageArgs(first, after)));
  }

  @FieldResolver(() => String, { nullable: true })
  lastError(@Root() notification: Notification, @Ctx() { actor }: Context): string | null {
    return actor?.isAdmin ? notification.lastError : null;
  }
}
