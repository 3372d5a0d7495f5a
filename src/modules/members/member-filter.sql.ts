import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/app-error';
import { likeContains } from '../../common/pagination/filters';
import { todayInParis } from './dues-status';
import { DuesStatusValue, MemberCategoryValue } from './members.model';

/**
 * Which members of an organisation a filter selects, in SQL: one statement whatever the filter,
 * for the `members` list, its exact count, segment counts, exports and announcement audiences
 * (`INSERT … SELECT` over `memberUserIdsSql`). The dues status here is the SQL twin of
 * `duesStatus()` in dues-status.ts: computed from max(period_end) of the payments, never stored.
 */
export interface MemberFilter {
  categories?: MemberCategoryValue[] | null;
  duesStatus?: DuesStatusValue[] | null;
  joinedWithinDays?: number | null;
  inactiveForDays?: number | null;
  duesEndingWithinDays?: number | null;
  skills?: string[] | null;
  search?: string | null;
  includeDescendants?: boolean | null;
}

/** The last day paid for by the membership `m` (NULL if never paid). */
export const PAID_UNTIL_SQL = `(SELECT max(d.period_end) FROM dues_payments d
  WHERE d.organization_id = m.organization_id AND d.user_id = m.user_id)`;

/** The dues status of membership `m` in organisation `o`, given `paidUntil` (an SQL expression) and today. */
export function duesStatusSql(paidUntil: string, today: string): string {
  return `CASE WHEN ${paidUntil} IS NULL THEN 'NONE'
    WHEN ${paidUntil} >= ${today} THEN 'UP_TO_DATE'
    WHEN ${today} - ${paidUntil} <= o.dues_grace_days THEN 'GRACE'
    ELSE 'LAPSED' END`;
}

/**
 * Memberships `m`, with (when the filter or the caller needs them) their organisation `o`, the
 * person `u` and `dues.paid_until`.
 */
export interface MemberQuery {
  /** `organization_memberships m JOIN organizations o … JOIN users u …` (+ the dues lateral join). */
  from: string;
  where: string[];
  /** Shared with the caller: more parameters may follow. */
  params: unknown[];
}

export interface MemberQueryOptions {
  /** `YYYY-MM-DD`; default: today in Paris. */
  today?: string;
  /** Parameters already used by the caller's statement (pushed onto, numbering continues). */
  params?: unknown[];
  /** Join `dues.paid_until` even when the filter does not need it (to select it). */
  withDues?: boolean;
  /** Join the person `u` even when the filter does not need it (to sort or select by name). */
  withUser?: boolean;
}

export function memberFilterQuery(
  organizationId: string,
  filter: MemberFilter | null | undefined,
  options: MemberQueryOptions = {},
): MemberQuery {
  const params = options.params ?? [];
  const param = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const f = filter ?? {};
  const where: string[] = [];
  const org = param(organizationId, '::uuid');
  const scope = (column: string) =>
    f.includeDescendants
      ? `${column} IN (SELECT id FROM organizations WHERE id = ${org} OR ancestor_ids @> ARRAY[${org}])`
      : `${column} = ${org}`;
  where.push(scope('m.organization_id'));
  if (f.categories?.length) where.push(`m.categories && ${param(f.categories, '::text[]')}`);
  // Today is one parameter, added only when a condition uses it (PostgreSQL refuses unused ones).
  let todayParam: string | undefined;
  const today = () => (todayParam ??= param(options.today ?? todayInParis(), '::date'));
  const needsDues = Boolean(options.withDues || f.duesStatus?.length || f.duesEndingWithinDays != null);
  if (f.duesStatus?.length)
    where.push(`(${duesStatusSql('dues.paid_until', today())}) = ANY(${param(f.duesStatus, '::text[]')})`);
  if (f.duesEndingWithinDays != null)
    where.push(`dues.paid_until BETWEEN ${today()} AND ${today()} + ${param(f.duesEndingWithinDays, '::int')}`);
  if (f.joinedWithinDays != null)
    where.push(
      `m.created_at >= ((${today()} - ${param(f.joinedWithinDays, '::int')})::timestamp AT TIME ZONE 'Europe/Paris')`,
    );
  if (f.inactiveForDays != null)
    where.push(`NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = m.user_id
      AND s.last_used_at >= now() - make_interval(days => ${param(f.inactiveForDays, '::int')}))`);
  if (f.skills?.length)
    where.push(`EXISTS (SELECT 1 FROM unnest(u.skills) AS skill
      WHERE maillage_fold(skill) IN (SELECT maillage_fold(wanted) FROM unnest(${param(f.skills, '::text[]')}) AS wanted))`);
  for (const word of (f.search ?? '').split(/\s+/).filter(Boolean).slice(0, 8))
    where.push(`maillage_fold(u.display_name || ' ' || u.email) LIKE maillage_fold(${param(likeContains(word))})`);
  // The last paid day of every membership in scope, in one grouped pass over the payments (a
  // hash join at federation scale, an index range for one association), not one probe per row.
  // Joins only what a condition or the caller uses: at federation scale each one costs.
  const needsUser = Boolean(options.withUser || f.skills?.length || f.search?.trim());
  const from = `organization_memberships m${f.duesStatus?.length ? '\n    JOIN organizations o ON o.id = m.organization_id' : ''}${
    needsUser ? '\n    JOIN users u ON u.id = m.user_id' : ''
  }${
    needsDues
      ? `
    LEFT JOIN (SELECT d.organization_id, d.user_id, max(d.period_end) AS paid_until FROM dues_payments d
                WHERE d.user_id IS NOT NULL AND ${scope('d.organization_id')} GROUP BY d.organization_id, d.user_id) AS dues
      ON dues.organization_id = m.organization_id AND dues.user_id = m.user_id`
      : ''
  }`;
  return { from, where, params };
}

/**
 * `SELECT DISTINCT m.user_id FROM … WHERE …`: the people a filter selects (a person in two
 * organisations of the subtree counts once). Pushes its parameters onto `params`, so it can sit
 * inside the caller's statement, e.g. `INSERT INTO recipients (announcement_id, user_id)
 * SELECT $1, user_id FROM (${memberUserIdsSql(orgId, filter, params)}) AS audience`.
 */
export function memberUserIdsSql(
  organizationId: string,
  filter: MemberFilter | null | undefined,
  params: unknown[],
  today?: string,
): string {
  const query = memberFilterQuery(organizationId, filter, { params, today });
  return `SELECT DISTINCT m.user_id FROM ${query.from} WHERE ${query.where.join(' AND ')}`;
}

/** A segment's saved filter, read back from jsonb: only the known fields, with their types. */
export function savedFilter(raw: unknown): MemberFilter {
  const value = (raw ?? {}) as Record<string, unknown>;
  const list = <T>(v: unknown): T[] | undefined => (Array.isArray(v) ? (v as T[]) : undefined);
  const int = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  return {
    categories: list<MemberCategoryValue>(value.categories),
    duesStatus: list<DuesStatusValue>(value.duesStatus),
    joinedWithinDays: int(value.joinedWithinDays),
    inactiveForDays: int(value.inactiveForDays),
    duesEndingWithinDays: int(value.duesEndingWithinDays),
    skills: list<string>(value.skills),
    search: typeof value.search === 'string' ? value.search : undefined,
    includeDescendants: typeof value.includeDescendants === 'boolean' ? value.includeDescendants : undefined,
  };
}

/** A filter as stored: absent and empty fields dropped. */
export function storedFilter(filter: MemberFilter | null | undefined): MemberFilter {
  const stored: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (typeof value === 'string' && !value.trim()) continue;
    stored[key] = value;
  }
  return stored as MemberFilter;
}

/**
 * Audiences for other modules (announcements, reminders): who a filter or a segment selects, now.
 * No access check here: callers check that the viewer administers the organisation.
 */
@Injectable()
export class MemberAudience {
  constructor(private readonly db: DataSource) {}

  /** The people (distinct user ids) the filter selects in the organisation, in one statement. */
  async memberUserIds(
    organizationId: string,
    filter: MemberFilter | null | undefined,
    options: { today?: string; manager?: EntityManager } = {},
  ): Promise<string[]> {
    const params: unknown[] = [];
    const sql = memberUserIdsSql(organizationId, filter, params, options.today);
    const rows = (await (options.manager ?? this.db.manager).query(sql, params)) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }

  /** How many people the filter selects (the length of `memberUserIds`), in one statement. */
  async countPeople(
    organizationId: string,
    filter: MemberFilter | null | undefined,
    options: { today?: string; manager?: EntityManager } = {},
  ): Promise<number> {
    const params: unknown[] = [];
    const sql = memberUserIdsSql(organizationId, filter, params, options.today);
    const [row] = (await (options.manager ?? this.db.manager).query(
      `SELECT count(*)::int AS count FROM (${sql}) AS people`,
      params,
    )) as { count: number }[];
    return row.count;
  }

  /** The segment's organisation and saved filter; NOT_FOUND when there is no such segment. */
  async segment(
    segmentId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<{ organizationId: string; filter: MemberFilter }> {
    const [row] = (await manager.query('SELECT organization_id, filter FROM segments WHERE id = $1', [segmentId])) as {
      organization_id: string;
      filter: unknown;
    }[];
    if (!row) throw new NotFoundError('Segment');
    return { organizationId: row.organization_id, filter: savedFilter(row.filter) };
  }

  /** The people in the segment now (its saved filter applied to its organisation). */
  async segmentUserIds(
    segmentId: string,
    options: { today?: string; manager?: EntityManager } = {},
  ): Promise<string[]> {
    const segment = await this.segment(segmentId, options.manager);
    return this.memberUserIds(segment.organizationId, segment.filter, options);
  }

  /**
   * The segment's people as an SQL `SELECT DISTINCT m.user_id …` with its parameters pushed onto
   * `params`, for an `INSERT … SELECT` snapshot in the caller's transaction.
   */
  async segmentUserIdsSql(
    segmentId: string,
    params: unknown[],
    options: { today?: string; manager?: EntityManager } = {},
  ): Promise<{ organizationId: string; sql: string }> {
    const segment = await this.segment(segmentId, options.manager);
    return {
      organizationId: segment.organizationId,
      sql: memberUserIdsSql(segment.organizationId, segment.filter, params, options.today),
    };
  }
}
