import type { DataSource } from 'typeorm';
import { LifecycleRun } from '@/entities';
import { keysetPage, type Page, type PageArgs } from '../pagination';

/** The lifecycle's runs, latest first. */
export function listLifecycleRuns(db: DataSource, page: PageArgs): Promise<Page<LifecycleRun>> {
  const query = db.getRepository(LifecycleRun).createQueryBuilder('run');
  return keysetPage(query, { columns: ['run.startedAt', 'run.id'], direction: 'DESC', values: (r) => [r.startedAt.toISOString(), r.id] }, page);
}
