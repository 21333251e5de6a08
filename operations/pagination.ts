import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { selectEntities } from '@/lib/db/select-entities';
import { UserInputError } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs { first: number; after: string | null }

/** `first` is capped at 100 (a larger value returns 100 rows); a negative one is refused. */
export function pageArgs(first: number | null | undefined, after: string | null | undefined): PageArgs {
  if (first != null && (!Number.isInteger(first) || first < 0)) {
    throw new UserInputError('INVALID', '`first` must be a whole number from 0 to 100', 'first');
  }
  return { first: Math.min(first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), after: after ?? null };
}

export interface Page<T> {
  rows: T[];
  cursors: string[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount(): Promise<number>;
}

type KeyValue = string | number;

/** Rows are ordered by `columns` (all in one direction); the last column must be unique. */
export interface KeysetOrder<T> {
  columns: string[];
  direction: 'ASC' | 'DESC';
  values(row: T): KeyValue[];
}

function encodeCursor(values: KeyValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): KeyValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values as KeyValue[];
    }
  } catch {
    // reported below
  }
  throw new UserInputError('INVALID_CURSOR', '`after` is not a cursor returned by this list', 'after');
}

/** Keyset pagination: stable under inserts, and as fast on page 1,000 as on page 1. */
export async function keysetPage<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, order: KeysetOrder<T>, page: PageArgs): Promise<Page<T>> {
  const counting = query.clone();
  if (page.after) {
    const values = decodeCursor(page.after, order.columns.length);
    const names = values.map((_, i) => `keyset${i}`);
    query.andWhere(
      `(${order.columns.join(', ')}) ${order.direction === 'ASC' ? '>' : '<'} (${names.map((n) => `:${n}`).join(', ')})`,
      Object.fromEntries(names.map((n, i) => [n, values[i]])),
    );
  }
  order.columns.forEach((column, i) => (i === 0 ? query.orderBy(column, order.direction) : query.addOrderBy(column, order.direction)));
  const rows = page.first === 0 ? [] : await selectEntities(query.limit(page.first + 1));
  const hasNextPage = rows.length > page.first;
  const pageRows = rows.slice(0, page.first);
  const cursors = pageRows.map((row) => encodeCursor(order.values(row)));
  let total: Promise<number> | undefined;
  return {
    rows: pageRows,
    cursors,
    hasNextPage,
    endCursor: cursors.at(-1) ?? null,
    totalCount: () => (total ??= counting.getCount()),
  };
}
