import { dateAt, TIME_ZONE } from '@/domain/calendar';
import { formatDate } from '@/domain/dates-format';
import type { Locale } from '@/domain/money';

/** A calendar date: `dd/mm/yyyy` in Italian, ISO in English. */
export { formatDate as date };

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });

/** An instant in Europe/Rome: its date written as every other date (four-digit year), then `hh:mm`. */
export function dateTime(value: string, locale: Locale): string {
  const instant = new Date(value);
  return `${formatDate(dateAt(instant), locale)}, ${clock.format(instant)}`;
}
