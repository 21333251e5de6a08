/** Expiry reminders go out this many days before `expiresOn`, at most once each per service and term. */
export const REMINDER_OFFSETS = [60, 30, 15, 7, 1] as const;

/**
 * The reminder to send when a service has `daysLeft` days to go: the offset whose day came last.
 * On its own day that is the offset itself; after missed days it is only the most recent one, so a
 * late run never sends a stale "60 days" next to a "30 days". Null beyond 60 days and once expired.
 */
export function dueReminderOffset(daysLeft: number): number | null {
  if (daysLeft < 1) return null;
  const due = REMINDER_OFFSETS.filter((offset) => offset >= daysLeft);
  return due.length ? Math.min(...due) : null;
}

/** `dueReminderOffset` for every number of days left that has one, as two parallel columns for SQL. */
export function reminderTable(): { daysLeft: number[]; offsets: number[] } {
  const daysLeft = Array.from({ length: Math.max(...REMINDER_OFFSETS) }, (_, i) => i + 1);
  return { daysLeft, offsets: daysLeft.map((days) => dueReminderOffset(days)!) };
}
