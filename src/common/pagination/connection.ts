import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ObjectType({ description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A lazy getter: the count query runs only when a client selects `totalCount`. */
  readonly totalCount?: Promise<number>;
}

/** Adds `totalCount` as a getter that runs `count` once, on first read. */
export function lazyTotal<T>(
  connection: Omit<Connection<T>, 'totalCount'>,
  count: () => Promise<number>,
): Connection<T> {
  let total: Promise<number> | undefined;
  return Object.defineProperty({ edges: connection.edges, pageInfo: connection.pageInfo }, 'totalCount', {
    get: () => (total ??= count()),
    enumerable: false,
  });
}

/** The same page with other edges; keeps the count lazy. */
export function withEdges<A, B>(connection: Connection<A>, edges: Edge<B>[]): Connection<B> {
  return Object.defineProperty({ edges, pageInfo: connection.pageInfo }, 'totalCount', {
    get: () => connection.totalCount,
    enumerable: false,
  });
}

/** Builds the Relay connection type for `node`, e.g. `UserConnection` with `UserEdge`. */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its position.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this node: pass it as `after` to continue from here.' })
    cursor!: string;
    @Field(() => node, { description: `The ${name}.` }) node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items (keyset paging: stable while new ones arrive).`,
  })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The items of this page, in the list’s order.' }) edges!: EdgeType[];
    @Field(() => PageInfo, { description: 'Whether another page follows, and its cursor.' }) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'How many items the whole list holds (counted only when asked for).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

export function mapConnection<A, B>(connection: Connection<A>, map: (node: A) => B): Connection<B> {
  return withEdges(
    connection,
    connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })),
  );
}
