import Link from 'next/link';
import type { Locale } from '@/domain/money';
import { date } from '@/portal/format';
import { getDictionary } from '@/portal/i18n';
import { withdrawCancellation } from '@/portal/service-actions';
import { GearIcon, RenewIcon, TrashIcon } from './icons';
import { StatusBadge } from './status-badge';

export interface ScheduleRow {
  id: string; domain: string; status: string; expiresOn: string; daysLeft: number;
  product: { code: string; name: string }; renewalPrice: { formatted: string }; cancellation: { effectiveOn: string } | null;
}

export const SCHEDULE_ROW_FIELDS = 'id domain status expiresOn daysLeft product { code name } renewalPrice { formatted } cancellation { effectiveOn }';

function urgency(row: ScheduleRow): string {
  if (row.status !== 'ACTIVE') return '';
  if (row.daysLeft <= 7) return 'days-urgent';
  return row.daysLeft <= 60 ? 'days-soon' : '';
}

function Actions({ row, locale, returnTo, labels }: { row: ScheduleRow; locale: Locale; returnTo: string; labels: Awaited<ReturnType<typeof getDictionary>>['t']['schedule'] }) {
  if (row.status !== 'ACTIVE') return null;
  if (row.cancellation) {
    return (
      <form action={withdrawCancellation}>
        <span className="muted">{labels.cancelled} {date(row.cancellation.effectiveOn, locale)}</span>{' '}
        <input type="hidden" name="serviceId" value={row.id} />
        <input type="hidden" name="returnTo" value={returnTo} />
        <button type="submit" className="secondary">{labels.withdraw}</button>
      </form>
    );
  }
  return (
    <span className="row-actions">
      <Link href={`/area/servizi/${row.id}/rinnovo`} className="icon-button" aria-label={`${labels.renew} ${row.domain} ${row.product.code}`} title={labels.renew}><RenewIcon /></Link>
      <Link href={`/area/servizi/${row.id}/disdetta`} className="icon-button danger" aria-label={`${labels.cancel} ${row.domain} ${row.product.code}`} title={labels.cancel}><TrashIcon /></Link>
      <Link href={`/area/servizi/${row.id}/cambio`} className="icon-button" aria-label={`${labels.change} ${row.domain} ${row.product.code}`} title={labels.change}><GearIcon /></Link>
    </span>
  );
}

/** The expiry schedule: days left highlighted within 60 and within 7 days, and the three actions per row. */
export async function ScheduleTable({ rows, returnTo }: { rows: ScheduleRow[]; returnTo: string }) {
  const { locale, t } = await getDictionary();
  if (!rows.length) return <p>{t.schedule.empty}</p>;
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
          {rows.map((row) => (
            <tr key={row.id} data-service-id={row.id}>
              <th scope="row">{row.domain}</th>
              <td>{row.product.code}</td>
              <td>{date(row.expiresOn, locale)}</td>
              <td className={urgency(row)}>{row.daysLeft >= 0 ? row.daysLeft : t.schedule.expired}</td>
              <td><StatusBadge status={row.status} label={t.status[row.status]} /></td>
              <td>{row.renewalPrice.formatted}</td>
              <td><Actions row={row} locale={locale} returnTo={returnTo} labels={t.schedule} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
