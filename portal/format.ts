import { formatDate } from '@/domain/dates-format';
import type { Locale } from '@/domain/money';

/** `dd/mm/yyyy` in Italian, ISO in English. */
export function date(value: string, locale: Locale): string {
  return formatDate(value, locale);
}

/** An instant as a date and time in Europe/Rome. */
export function dateTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(value));
}
