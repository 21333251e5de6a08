import { Temporal } from 'temporal-polyfill';

/** A calendar date in Europe/Rome, written `YYYY-MM-DD`. */
export type CalendarDate = string;

export const TIME_ZONE = 'Europe/Rome';

// Years 0001 to 9999: PostgreSQL's dates have no year 0 (1 BC follows AD 1).
const ISO_DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function plain(date: CalendarDate): Temporal.PlainDate {
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return plain(date).add({ days }).toString();
}

/** Same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return plain(date).add({ years }, { overflow: 'constrain' }).toString();
}

export function yearOf(date: CalendarDate): number {
  return plain(date).year;
}

/** The calendar date in Europe/Rome at a given instant. */
export function dateAt(instant: Date): CalendarDate {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(TIME_ZONE)
    .toPlainDate()
    .toString();
}
