import type { DataSource } from 'typeorm';
import { addDays } from '@/domain/calendar';
import { Service } from '@/entities';
import { today } from '@/lib/clock';
import type { Actor } from '../actor';
import { UserInputError } from '../errors';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { listedFor } from '../scope';

export interface ScheduleFilter { clientId?: string | null; withinDays?: number | null }

/**
 * The "Scadenziario": the account's services by expiry date. With `withinDays`, only the active
 * services expiring from today to today + withinDays.
 */
export function expirySchedule(db: DataSource, actor: Actor, filter: ScheduleFilter, page: PageArgs): Promise<Page<Service>> {
  const query = listedFor(db.getRepository(Service).createQueryBuilder('service'), 'service.accountId', actor, filter.clientId);
  if (filter.withinDays != null) {
    if (!Number.isInteger(filter.withinDays) || filter.withinDays < 0 || filter.withinDays > 3660) {
      throw new UserInputError('INVALID', '`withinDays` must be a whole number of days from 0 to 3660', 'withinDays');
    }
    const from = today();
    query
      .andWhere(`service.status = 'ACTIVE'`)
      .andWhere('service.expiresOn BETWEEN :from AND :until', { from, until: addDays(from, filter.withinDays) });
  }
  return keysetPage(query, { columns: ['service.expiresOn', 'service.id'], direction: 'ASC', values: (s) => [s.expiresOn, s.id] }, page);
}
