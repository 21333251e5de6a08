import Link from 'next/link';
import { OutcomeNotice } from '@/components/outcome-notice';
import { ScheduleTable, type ScheduleRow } from '@/components/schedule-table';
import { signedInQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';
import { SCHEDULE_PAGE_QUERY } from './query';

export const metadata = { title: 'Scadenziario' };

interface Schedule { expirySchedule: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ScheduleRow }[] } }

export default async function SchedulePage({ searchParams }: { searchParams: Promise<{ dopo?: string; esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { dopo, esito, errore } = await searchParams;
  const { expirySchedule } = await signedInQuery<Schedule>(SCHEDULE_PAGE_QUERY, { after: dopo ?? null });
  const message = esito === 'disdetta' ? t.cancel.done : esito === 'ritirata' ? t.cancel.withdrawn : null;
  return (
    <>
      <h1>{t.schedule.title}</h1>
      <OutcomeNotice message={message} error={problemMessage(errore, locale)} />
      <div className="card">
        <ScheduleTable rows={expirySchedule.edges.map((e) => e.node)} returnTo="/area/scadenziario" />
        {expirySchedule.pageInfo.hasNextPage && <p><Link href={`/area/scadenziario?dopo=${expirySchedule.pageInfo.endCursor}`}>{t.orders.more}</Link></p>}
      </div>
      <p><Link href="/area/scadenziario/calendario">{t.calendarFeed.title}</Link>: {t.calendarFeed.linkHint}</p>
    </>
  );
}
