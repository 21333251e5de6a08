import { Field, Int, type ClassType } from 'type-graphql';
import type { Page } from '@/operations/pagination';
import { PlainObjectType } from './object-type';

@PlainObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> { cursor: string; node: T }

/** A Relay connection type named `<name>Connection` with `<name>Edge` edges. */
export function ConnectionType<T extends object>(name: string, Node: ClassType<T>) {
  @PlainObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => Node)
    node: T;
  }

  @PlainObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfoType)
    pageInfo: PageInfoType;

    // Resolved (not read as a plain field): the count is a promise, run only when asked for.
    @Field(() => Int, { description: 'All the items of the list, across pages.', simple: false })
    totalCount: number;
  }
  return ConnectionClass;
}

/** A page as a connection; the count query runs only when `totalCount` is asked for. */
class Connection<R, T> {
  readonly edges: Edge<T>[];
  readonly pageInfo: PageInfoType;

  constructor(private readonly page: Page<R>, map: (row: R) => T) {
    this.edges = page.rows.map((row, i) => ({ cursor: page.cursors[i], node: map(row) }));
    this.pageInfo = { hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  get totalCount(): Promise<number> {
    return this.page.totalCount();
  }
}

export function toConnection<R, T = R>(page: Page<R>, map: (row: R) => T = (row) => row as unknown as T): Connection<R, T> {
  return new Connection(page, map);
}
