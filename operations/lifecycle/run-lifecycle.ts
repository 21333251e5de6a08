import type { DataSource } from 'typeorm';
import { isCalendarDate, type CalendarDate } from '@/domain/calendar';
import { LifecycleRun } from '@/entities';
import { now, today } from '@/lib/clock';
import { type Actor, actorLabel } from '../actor';
import { UserInputError } from '../errors';
import { cancelUnpaidOrders } from './cancel-unpaid-orders';
import { deactivateExpiredServices } from './deactivate-expired';
import { queueDueReminders } from './queue-reminders';
import { assertBackOffice } from '../scope';

/**
 * The daily lifecycle for `date`, in one transaction: deactivates the services whose expiry day has
 * come, cancels the unpaid orders that lapsed, queues the expiry reminders, and records the run.
 * Everything due on or before `date` that was not yet done is done, so one run catches up missed
 * days; a second run for the same date changes and sends nothing. Runs never overlap.
 */
export async function runLifecycle(db: DataSource, actor: Actor | null, date: CalendarDate): Promise<LifecycleRun> {
  assertBackOffice(actor);
  if (!isCalendarDate(date)) throw new UserInputError('INVALID', 'date must be a calendar date written YYYY-MM-DD', 'date');
  if (date > today()) throw new UserInputError('FUTURE_DATE', `the lifecycle cannot run for a day that has not come yet (today is ${today()})`, 'date');
  return db.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('pannello.lifecycle'))`);
    const startedAt = now();
    const deactivations = await deactivateExpiredServices(manager, actor, date);
    const cancelledOrders = await cancelUnpaidOrders(manager, actor, date);
    const reminders = await queueDueReminders(manager, date);
    const finishedAt = now();
    return manager.save(LifecycleRun, manager.create(LifecycleRun, {
      date, reminders, deactivations, cancelledOrders, durationMs: finishedAt.getTime() - startedAt.getTime(),
      actorLabel: actorLabel(actor), startedAt, finishedAt,
    }));
  });
}

export function runSummary(run: LifecycleRun): string {
  return `Lifecycle for ${run.date}: ${run.reminders} reminder(s), ${run.deactivations} deactivation(s), ${run.cancelledOrders} cancelled order(s) in ${run.durationMs} ms`;
}
