import { EntityManager, FindOptionsWhere, In, Repository } from 'typeorm';
import { byKey } from '../loaders/request-loaders';
import { Connection, lazyTotal, withEdges } from './connection';
import { CursorPartType, decodeCursor, encodeCursor } from './cursor';

/** One column of a sort key: an SQL expression and the type its cursor text is cast back to. */
export interface SortKey {
  expr: string;
  type: CursorPartType;
}

export interface KeysetQuery {
  /** `SELECT … FROM …` without WHERE, ORDER BY or LIMIT. */
  select: string;
  where: string[];
  params: unknown[];
  /** The last key must be unique (usually the id) so the order is total. */
  orderBy: SortKey[];
  direction: 'ASC' | 'DESC';
  first: number;
  after?: string;
}

/**
 * Keyset pagination shared by every list: `(k1, k2) < ($a, $b)` on a matching composite index,
 * so page 500 costs what page 1 costs, and rows inserted meanwhile never shift a page.
 * Sort keys travel as text so timestamps keep their microseconds.
 */
export async function keysetPage<Row extends object>(db: EntityManager, query: KeysetQuery): Promise<Connection<Row>> {
  const params = [...query.params];
  const where = [...query.where];
  const keys = query.orderBy.map((key) => key.expr).join(', ');
  if (query.after) {
    const values = decodeCursor(
      query.after,
      query.orderBy.map((key) => key.type),
    );
    const placeholders = query.orderBy.map((key, i) => {
      params.push(values[i]);
      return `$${params.length}::${key.type}`;
    });
    where.push(`(${keys}) ${query.direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`);
  }
  const keyColumns = query.orderBy.map((key, i) => `(${key.expr})::text AS "__k${i}"`).join(', ');
  params.push(query.first + 1);
  const sql =
    `${query.select.replace(/^\s*SELECT\s/i, `SELECT ${keyColumns}, `)}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${query.orderBy.map((key) => `${key.expr} ${query.direction}`).join(', ')}` +
    ` LIMIT $${params.length}`;
  const rows = (await db.query(sql, params)) as Record<string, unknown>[];
  const page = rows.slice(0, query.first);
  const edges = page.map((row) => {
    const key = query.orderBy.map((_, i) => String(row[`__k${i}`]));
    for (let i = 0; i < query.orderBy.length; i++) delete row[`__k${i}`];
    return { cursor: encodeCursor(key), node: row as Row };
  });
  const countSql = `SELECT count(*)::int AS count FROM (${query.select}${query.where.length ? ` WHERE ${query.where.join(' AND ')}` : ''}) AS counted`;
  return lazyTotal(
    { edges, pageInfo: { hasNextPage: rows.length > query.first, endCursor: edges.at(-1)?.cursor ?? null } },
    async () => ((await db.query(countSql, query.params)) as { count: number }[])[0].count,
  );
}

/** Replaces each edge's `{ id }` by the entity of that id: one query for the page, order kept. */
export async function hydrate<T extends { id: string }>(
  page: Connection<{ id: string }>,
  repository: Repository<T>,
): Promise<Connection<T>> {
  const ids = page.edges.map((edge) => edge.node.id);
  const rows = byKey(ids, await repository.findBy({ id: In(ids) } as FindOptionsWhere<T>), (row) => row.id);
  return withEdges(
    page,
    page.edges.map((edge, i) => ({ cursor: edge.cursor, node: rows[i] as T })),
  );
}
