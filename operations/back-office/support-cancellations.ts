import type { DataSource } from 'typeorm';
import { Cancellation } from '@/entities';
import type { CancellationStatus } from '@/entities/cancellation';
import { keysetPage, type Page, type PageArgs } from '../pagination';

/** Support's list: cancellations in a status (confirmed ones by default), the soonest effective first. */
export function listCancellations(db: DataSource, status: CancellationStatus, page: PageArgs): Promise<Page<Cancellation>> {
  const query = db.getRepository(Cancellation).createQueryBuilder('cancellation').where('cancellation.status = :status', { status });
  return keysetPage(query, { columns: ['cancellation.effectiveOn', 'cancellation.id'], direction: 'ASC', values: (c) => [c.effectiveOn, c.id] }, page);
}
