import { CopyField } from '@/components/copy-field';
import { OutcomeNotice } from '@/components/outcome-notice';
import { RowActionButton } from '@/components/row-action-button';
import { regenerateCalendarFeed } from '@/portal/calendar-feed-actions';
import { portalQuery } from '@/portal/graphql';
import { getDictionary, problemMessage } from '@/portal/i18n';

export const metadata = { title: 'Calendario delle scadenze' };

/** The account's secret calendar addresses (the back office has no account, hence no feed); a reseller's with its clients too. */
export default async function CalendarFeedPage({ searchParams }: { searchParams: Promise<{ esito?: string; errore?: string }> }) {
  const { locale, t } = await getDictionary();
  const { esito, errore } = await searchParams;
  const feed = (await portalQuery<{ calendarFeedUrl: string; viewer: { account: { kind: string } | null } }>('{ calendarFeedUrl viewer { account { kind } } }')).data;
  const clientsFeed = feed?.viewer.account?.kind === 'RESELLER'
    ? (await portalQuery<{ calendarFeedUrl: string }>('{ calendarFeedUrl(includeClients: true) }')).data?.calendarFeedUrl
    : null;
  return (
    <>
      <h1>{t.calendarFeed.title}</h1>
      <OutcomeNotice message={esito === 'calendario' ? t.calendarFeed.regenerated : null} error={problemMessage(errore, locale)} />
      <div className="card">
        {feed ? (
          <>
            <p>{t.calendarFeed.intro}</p>
            <CopyField id="calendar-feed" label={t.calendarFeed.own} value={feed.calendarFeedUrl} copy={t.calendarFeed.copy} copied={t.calendarFeed.copied} />
            {clientsFeed && <CopyField id="calendar-feed-clients" label={t.calendarFeed.withClients} value={clientsFeed} copy={t.calendarFeed.copy} copied={t.calendarFeed.copied} />}
            <RowActionButton action={regenerateCalendarFeed} fields={{}} label={t.calendarFeed.regenerate} ariaLabel={t.calendarFeed.regenerate} />
          </>
        ) : <p>{t.calendarFeed.noAccount}</p>}
      </div>
    </>
  );
}
