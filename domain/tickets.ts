import { addDays, dateAt, type CalendarDate } from './calendar';

export type TicketStatusName = 'OPEN' | 'ANSWERED' | 'CUSTOMER_REPLIED' | 'CLOSED';

/** A closed ticket takes a customer's reply (and is reopened by it) for this many days after closing (docs/product-rules.md, Support). */
export const REOPEN_DAYS = 14;

/** The longest age the queue filters by (ten years): a longer one names no ticket and is refused. */
export const MAX_AGE_FILTER_DAYS = 3650;

/** Who writes a message: the customer's side (the account's logins, its reseller's) or support's (the back office). */
export type TicketSide = 'CUSTOMER' | 'SUPPORT';

/** The last day a reply still reopens a ticket closed at `closedAt` (a calendar day in Europe/Rome). */
export function lastReopeningDay(closedAt: Date): CalendarDate {
  return addDays(dateAt(closedAt), REOPEN_DAYS);
}

/** Whether a closed ticket may still be reopened on `today`: support always, the customer within REOPEN_DAYS. */
export function mayReopen(side: TicketSide, closedAt: Date, today: CalendarDate): boolean {
  return side === 'SUPPORT' || today <= lastReopeningDay(closedAt);
}

/**
 * The status after a reply: support's answers it; the customer's, to a ticket support answered (or closed),
 * waits for support again; more from the customer on an open ticket leaves it open.
 * A reply to a closed ticket reopens it (the caller checks `mayReopen` first).
 */
export function statusAfterReply(status: TicketStatusName, side: TicketSide): TicketStatusName {
  if (side === 'SUPPORT') return 'ANSWERED';
  return status === 'OPEN' ? 'OPEN' : 'CUSTOMER_REPLIED';
}

/** The customer's reply as written above the quoted message it answers: the quote, its "On … wrote:" line and a signature dropped. */
export function replyAboveQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const end = lines.findIndex((line, i) =>
    /^>/.test(line)
    || /^-{2,}\s*(Original Message|Messaggio originale)\s*-{2,}/i.test(line)
    || /^(On|Il)\s.+(wrote|scritto):\s*$/i.test(line)
    || (/^(On|Il)\s/i.test(line) && /(wrote|scritto):\s*$/i.test(lines[i + 1] ?? ''))
    || /^_{5,}$/.test(line)
    || /^(From|Da):\s/.test(line) && /^(Sent|Inviato|Date|Data):\s/.test(lines[i + 1] ?? '')
    || line === '-- ');
  return (end === -1 ? lines : lines.slice(0, end)).join('\n').trim();
}
