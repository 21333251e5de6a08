import type { CalendarDate } from './calendar';
import type { Locale } from './money';

/** `dd/mm/yyyy` in Italian, `yyyy-mm-dd` left as is in English (unambiguous). */
export function formatDate(date: CalendarDate, locale: Locale): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
