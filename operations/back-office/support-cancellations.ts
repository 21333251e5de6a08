import type { DataSource } from 'typeorm';
import { Cancellation } from '@/entities';
import type { CancellationStatus } from '@/entities/cancellation';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { backOfficeOnly } from '../scope';

/** Support's list: cancellations in a status (confirmed ones by default), the soonest effective first; nothing for anyone but the back office. */
export function listCancellations(db: DataSource, actor: Actor, status: CancellationStatus, page: PageArgs): Promise<Page<Cancellation>> {
  const query = backOfficeOnly(db.getRepository(Cancellation).createQueryBuilder('cancellation').where('cancellation.status = :status', { status }), actor);
  return keysetPage(query, { columns: ['cancellation.effectiveOn', 'cancellation.id'], direction: 'ASC', values: (c) => [c.effectiveOn, c.id] }, page);
}
