import { addYears, daysBetween, type CalendarDate } from './calendar';

/**
 * The term rules (PRODUCT.md, "Services, domains, resellers"): a service is sold per year; a paid term
 * runs from `termStartsOn` to `expiresOn`, the day the service is deactivated unless renewed.
 */
export interface Term { termStartsOn: CalendarDate; expiresOn: CalendarDate }

/** The longest term a service can be given (a domain is registered for at most ten years). */
export const MAX_TERM_YEARS = 10;

/** Whether a term ends after it starts and lasts at most MAX_TERM_YEARS. */
export function isTermLength(term: Term): boolean {
  return term.expiresOn > term.termStartsOn && term.expiresOn <= addYears(term.termStartsOn, MAX_TERM_YEARS);
}

/** The latest day a term may start: its expiry, renewed, must still be a four-digit year. */
export const LATEST_TERM_START: CalendarDate = '9899-12-31';

/** One year after a day: the same day a year later; 29 February becomes 28 February. */
export function yearAfter(day: CalendarDate): CalendarDate {
  return addYears(day, 1);
}

/** The expiry one more year gives — a renewal, or an upgrade near expiry: a year from the old expiry, not from today. */
export function extendedExpiry(term: Pick<Term, 'expiresOn'>): CalendarDate {
  return yearAfter(term.expiresOn);
}

/** Days in the term (T). */
export function termDays(term: Term): number {
  return daysBetween(term.termStartsOn, term.expiresOn);
}

/** Days from `today` to the expiry (r); negative once past. */
export function daysRemaining(term: Pick<Term, 'expiresOn'>, today: CalendarDate): number {
  return daysBetween(today, term.expiresOn);
}

/** What a paid order says about the term: renewal or change, and the expiry it fixed when it was placed. */
export interface OrderedTerm {
  kind: 'NEW_SERVICE' | 'RENEWAL' | 'UPGRADE' | 'DOWNGRADE';
  nearExpiry: boolean;
  /** Null when the order leaves the expiry where it is. */
  newExpiresOn: CalendarDate | null;
}

/**
 * The term once a paid order is applied on `appliedOn`. The expiry is the one the order carries (the quote
 * or the renewal fixed it, the customer paid for it); the new term starts on the old expiry after a renewal,
 * on the day it is applied after a near-expiry upgrade. Any other order leaves the term as it is.
 */
export function termAfterOrder(term: Term, order: OrderedTerm, appliedOn: CalendarDate): Term {
  const { termStartsOn, expiresOn } = term;
  const startsNewTerm = order.kind === 'RENEWAL' || (order.kind === 'UPGRADE' && order.nearExpiry);
  if (!startsNewTerm) return { termStartsOn, expiresOn };
  if (!order.newExpiresOn) throw new RangeError(`a ${order.kind} order must carry the expiry it gives`);
  return { termStartsOn: order.kind === 'RENEWAL' ? expiresOn : appliedOn, expiresOn: order.newExpiresOn };
}
