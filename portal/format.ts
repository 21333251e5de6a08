import type { Locale } from '@/domain/money';

/** A calendar date: `dd/mm/yyyy` in Italian, ISO in English. */
export { formatDate as date } from '@/domain/dates-format';

/** An instant as a date and time in Europe/Rome. */
export function dateTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(value));
}
