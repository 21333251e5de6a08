import Link from 'next/link';
import { CopyField } from '@/components/copy-field';
import { OutcomeNotice } from '@/components/outcome-notice';
import { RowActionButton } from '@/components/row-action-button';
import { ScheduleTable, type ScheduleRow } from '@/components/schedule-table';
import { regenerateCalendarFeed } from '@/portal/calendar-feed-actions';
import { portalQuery, signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { SCHEDULE_PAGE_QUERY } from './query';

export const metadata = { title: 'Scadenziario' };

interface Schedule { expirySchedule: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ScheduleRow }[] } }

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ dopo?: string; esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { dopo, esito, errore } = await searchParams;
  // The account's calendar addresses (the back office has no account, hence no feed), asked beside the schedule; a reseller's with its clients too.
  const [{ expirySchedule }, { data: feed }] = await Promise.all([
    signedInQuery<Schedule>(SCHEDULE_PAGE_QUERY, { after: dopo ?? null }),
    portalQuery<{ calendarFeedUrl: string; viewer: { account: { kind: string } | null } }>('{ calendarFeedUrl viewer { account { kind } } }'),
  ]);
  const clientsFeed = feed?.viewer.account?.kind === 'RESELLER'
    ? (await portalQuery<{ calendarFeedUrl: string }>('{ calendarFeedUrl(includeClients: true) }')).data?.calendarFeedUrl
    : null;
  const message = esito === 'disdetta' ? t.cancel.done : esito === 'ritirata' ? t.cancel.withdrawn : esito === 'calendario' ? t.calendarFeed.regenerated : null;
  return (
    <>
      <h1>{t.schedule.title}</h1>
      <OutcomeNotice message={message} error={problemMessage(errore, locale)} />
      <div className="card">
        <ScheduleTable rows={expirySchedule.edges.map((e) => e.node)} returnTo="/area/scadenziario" />
        {expirySchedule.pageInfo.hasNextPage && <p><Link href={`/area/scadenziario?dopo=${expirySchedule.pageInfo.endCursor}`}>{t.orders.more}</Link></p>}
      </div>
      {feed && (
        <div className="card">
          <h2>{t.calendarFeed.title}</h2>
          <p>{t.calendarFeed.intro}</p>
          <CopyField id="calendar-feed" label={t.calendarFeed.own} value={feed.calendarFeedUrl} copy={t.calendarFeed.copy} copied={t.calendarFeed.copied} />
          {clientsFeed && <CopyField id="calendar-feed-clients" label={t.calendarFeed.withClients} value={clientsFeed} copy={t.calendarFeed.copy} copied={t.calendarFeed.copied} />}
          <RowActionButton action={regenerateCalendarFeed} fields={{}} label={t.calendarFeed.regenerate} ariaLabel={t.calendarFeed.regenerate} />
        </div>
      )}
    </>
  );
}
