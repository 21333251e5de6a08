import type { DataSource } from 'typeorm';
import { LifecycleRun } from '@/entities';
import type { Actor } from '../actor';
import { keysetPage, type Page, type PageArgs } from '../pagination';
import { backOfficeOnly } from '../scope';

/** The lifecycle's runs, latest first, for the back office (nothing for anyone else). */
export function listLifecycleRuns(db: DataSource, actor: Actor, page: PageArgs): Promise<Page<LifecycleRun>> {
  const query = backOfficeOnly(db.getRepository(LifecycleRun).createQueryBuilder('run'), actor);
  return keysetPage(query, { columns: ['run.startedAt', 'run.id'], direction: 'DESC', values: (r) => [r.startedAt.toISOString(), r.id] }, page);
}
