import type { Locale } from '@/domain/money';
import { date } from '@/portal/format';
import { visitorMay } from '@/portal/access';
import { getDictionary } from '@/portal/i18n';
import { withdrawCancellation } from '@/portal/service-actions';
import { Icon } from './icons';
import { StatusBadge } from './status-badge';

export interface ScheduleRow {
  id: string; domain: string; status: string; expiresOn: string; daysLeft: number;
  product: { code: string; name: string }; renewalPrice: { formatted: string }; cancellation: { effectiveOn: string } | null;
}

export const SCHEDULE_ROW_FIELDS = 'id domain status expiresOn daysLeft product { code name } renewalPrice { formatted } cancellation { effectiveOn }';

function urgency(row: ScheduleRow): 'urgent' | 'soon' | null {
  if (row.status !== 'ACTIVE') return null;
  if (row.daysLeft <= 7) return 'urgent';
  return row.daysLeft <= 60 ? 'soon' : null;
}

interface ActionsProps { row: ScheduleRow; locale: Locale; returnTo: string; labels: Awaited<ReturnType<typeof getDictionary>>['t']['schedule']; may: (field: string) => boolean }

function Actions({ row, locale, returnTo, labels, may }: ActionsProps) {
  if (row.status !== 'ACTIVE') return null;
  if (row.cancellation) {
    if (!may('withdrawCancellation')) return <span className="muted">{labels.cancelled} {date(row.cancellation.effectiveOn, locale)}</span>;
    return (
      <form action={withdrawCancellation}>
        <span className="muted">{labels.cancelled} {date(row.cancellation.effectiveOn, locale)}</span>{' '}
        <input type="hidden" name="serviceId" value={row.id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <button type="submit" className="secondary">{labels.withdraw}</button>
      </form>
    );
  }
  // Plain links: as next/link, each of a page's 150 would be a client component rendered on the server and
  // would prefetch its page from the browser.
  return (
    <span className="row-actions">
      {may('renewService') && <a href={`/area/servizi/${row.id}/rinnovo`} className="icon-button" aria-label={`${labels.renew} ${row.domain} ${row.product.code}`} title={labels.renew}><Icon name="renew" /></a>}
      {may('cancelService') && <a href={`/area/servizi/${row.id}/disdetta`} className="icon-button danger" aria-label={`${labels.cancel} ${row.domain} ${row.product.code}`} title={labels.cancel}><Icon name="trash" /></a>}
      {may('requestServiceChange') && <a href={`/area/servizi/${row.id}/cambio`} className="icon-button" aria-label={`${labels.change} ${row.domain} ${row.product.code}`} title={labels.change}><Icon name="gear" /></a>}
    </span>
  );
}

/**
 * The expiry schedule: days left highlighted within 60 and within 7 days (in colour and in words), and
 * the three actions per row. On a phone each row becomes a card (globals.css), labelled from data-label.
 */
export async function ScheduleTable({ rows, returnTo }: { rows: ScheduleRow[]; returnTo: string }) {
  const { locale, t } = await getDictionary();
  if (!rows.length) return <p>{t.schedule.empty}</p>;
  const may = await visitorMay();
  return (
    <div className="table-scroll">
      <table className="schedule">
        <thead>
          <tr>
            <th scope="col">{t.schedule.domain}</th><th scope="col">{t.schedule.service}</th><th scope="col">{t.schedule.expiresOn}</th>
            <th scope="col">{t.schedule.daysLeft}</th><th scope="col">{t.schedule.status}</th><th scope="col">{t.schedule.renewal}</th><th scope="col">{t.schedule.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const near = urgency(row);
            return (
              <tr key={row.id} data-service-id={row.id}>
                <th scope="row" className="domain">{row.domain}</th>
                <td className="product">{row.product.code}</td>
                <td className="expires" data-label={t.schedule.expiresOn}>{date(row.expiresOn, locale)}</td>
                <td className={near ? `days days-${near}` : 'days'} data-label={t.schedule.daysLeft}>
                  {row.daysLeft >= 0 ? row.daysLeft : t.schedule.expired}{near && <> <span className="days-flag">{t.schedule[near]}</span></>}
                </td>
                <td className="state"><StatusBadge status={row.status} label={t.status[row.status]} /></td>
                <td className="renewal" data-label={t.schedule.renewal}>{row.renewalPrice.formatted}</td>
                <td className="actions"><Actions row={row} locale={locale} returnTo={returnTo} labels={t.schedule} may={may} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
