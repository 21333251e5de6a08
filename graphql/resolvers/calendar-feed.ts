import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { calendarFeedUrl, regenerateCalendarFeed } from '@/operations/calendar/feed-url';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor, requireSecondFactor } from '../guards';
import { RegenerateCalendarFeedPayload } from '../types/calendar-feed';

const INCLUDE_CLIENTS = { nullable: true, defaultValue: false, description: "A reseller's feed with its clients' expiries too (a URL of its own)." } as const;

/** The account's secret iCalendar address of its expiries (docs/api.md, Calendar feed). */
@Resolver()
export class CalendarFeedResolver {
  @Query(() => String, { description: "The account's secret iCalendar URL of its expiry schedule, for Google Calendar, Outlook or Apple Calendar. Treat it as a password." })
  calendarFeedUrl(@Arg('includeClients', () => Boolean, INCLUDE_CLIENTS) includeClients: boolean, @Ctx() context: Context): Promise<string> {
    return calendarFeedUrl(context.db, requireActor(context), includeClients);
  }

  @Mutation(() => RegenerateCalendarFeedPayload, { description: "A new secret calendar URL: the account's old URLs (with or without clients) stop working." })
  async regenerateCalendarFeed(@Arg('includeClients', () => Boolean, INCLUDE_CLIENTS) includeClients: boolean, @Ctx() context: Context): Promise<RegenerateCalendarFeedPayload> {
    const actor = requireSecondFactor(context);
    const { result, userErrors } = await attempt(() => regenerateCalendarFeed(context.db, actor, includeClients));
    return { url: result, userErrors };
  }
}
