import { Temporal } from 'temporal-polyfill';
import { type CalendarDate, isCalendarDate, TIME_ZONE } from '@/domain/calendar';

/**
 * The one answer to "what day is it": `PORTAL_TODAY` when set (staging, demos, tests),
 * otherwise the current date in Europe/Rome.
 */
export function today(): CalendarDate {
  const fixed = process.env.PORTAL_TODAY;
  if (fixed) {
    if (!isCalendarDate(fixed)) throw new Error(`PORTAL_TODAY must be a date written YYYY-MM-DD, not "${fixed}"`);
    return fixed;
  }
  return Temporal.Now.plainDateISO(TIME_ZONE).toString();
}

/** The current instant; timestamps are always real time, even when `PORTAL_TODAY` fixes the date. */
export function now(): Date {
  return new Date();
}
