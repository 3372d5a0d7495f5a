import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFoundError } from '../common/errors/app-error';
import { loadFlag, RequestLoaders } from '../common/loaders/request-loaders';
import { refusal } from './refusals';

/**
 * Who administers what in the organisation tree. An ADMIN of an organisation administers it and
 * its whole subtree. Every check works on a set of ids at once: one query, whatever their number.
 */
@Injectable()
export class OrganizationAccess {
  constructor(private readonly db: DataSource) {}

  /** The ids among `organizationIds` that the viewer administers, directly or through an ancestor. */
  async administered(viewerId: string, organizationIds: readonly string[]): Promise<Set<string>> {
    if (organizationIds.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT o.id FROM organizations o
        WHERE o.id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM organization_memberships a
                       WHERE a.user_id = $1 AND a.role = 'ADMIN'
                         AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids)))`,
      [viewerId, organizationIds],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  async canAdminister(viewerId: string, organizationId: string): Promise<boolean> {
    return (await this.administered(viewerId, [organizationId])).has(organizationId);
  }

  async assertAdminister(viewerId: string, organizationId: string): Promise<void> {
    if (!(await this.canAdminister(viewerId, organizationId))) throw refusal('organization.administer');
  }

  /**
   * The ids among `organizationIds` in which the viewer may create groups: the organisation's
   * members (any role), and admins of it or of an organisation above.
   */
  async groupCreatable(viewerId: string, organizationIds: readonly string[]): Promise<Set<string>> {
    if (organizationIds.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT o.id FROM organizations o
        WHERE o.id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM organization_memberships m
                       WHERE m.user_id = $1
                         AND (m.organization_id = o.id OR (m.role = 'ADMIN' AND m.organization_id = ANY(o.ancestor_ids))))`,
      [viewerId, organizationIds],
    )) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** NOT_FOUND for an unknown organisation; FORBIDDEN unless the viewer may create groups in it. */
  async assertMayCreateGroup(viewerId: string, organizationId: string): Promise<void> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    if (!(await this.groupCreatable(viewerId, [organizationId])).has(organizationId))
      throw refusal('organization.createGroup');
  }

  /** The ids among `userIds` whose membership in some organisation the viewer administers: they may see those people's email. */
  async administeredPeople(viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT DISTINCT m.user_id FROM organization_memberships m
         JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM organization_memberships a
                       WHERE a.user_id = $1 AND a.role = 'ADMIN'
                         AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids)))`,
      [viewerId, userIds],
    )) as { user_id: string }[];
    return new Set(rows.map((row) => row.user_id));
  }

  /** Per-request, batched: may the viewer see this person's email? */
  async maySeeEmail(loaders: RequestLoaders, viewerId: string, userId: string): Promise<boolean> {
    if (viewerId === userId) return true;
    return loadFlag(loaders, `access.email:${viewerId}`, userId, (ids) => this.administeredPeople(viewerId, ids));
  }

  /** Per-request, batched: does the viewer administer this organisation? */
  async mayAdminister(loaders: RequestLoaders, viewerId: string, organizationId: string): Promise<boolean> {
    return loadFlag(loaders, `access.admin:${viewerId}`, organizationId, (ids) => this.administered(viewerId, ids));
  }

  /**
   * Who may deactivate or reactivate an account: whoever administers every organisation the
   * person belongs to (directly or from above), so the admin of one club never acts on someone
   * who also belongs higher up. A person who belongs nowhere: the federation's admins.
   * `none` when the viewer administers none of them (the person is then none of their business).
   */
  async accountAuthority(
    viewerId: string,
    userId: string,
  ): Promise<{ decision: 'all' | 'some' | 'none'; organizationIds: string[] }> {
    const rows = (await this.db.query(
      `SELECT m.organization_id AS id,
              EXISTS (SELECT 1 FROM organization_memberships a
                       WHERE a.user_id = $1 AND a.role = 'ADMIN'
                         AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids))) AS administered
         FROM organization_memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $2`,
      [viewerId, userId],
    )) as { id: string; administered: boolean }[];
    if (rows.length === 0) {
      const federations = (await this.db.query(
        `SELECT o.id FROM organizations o JOIN organization_memberships a ON a.organization_id = o.id
          WHERE o.kind = 'FEDERATION' AND a.user_id = $1 AND a.role = 'ADMIN'`,
        [viewerId],
      )) as { id: string }[];
      return { decision: federations.length ? 'all' : 'none', organizationIds: federations.map((f) => f.id) };
    }
    const administered = rows.filter((row) => row.administered).length;
    const decision = administered === rows.length ? 'all' : administered > 0 ? 'some' : 'none';
    return { decision, organizationIds: rows.map((row) => row.id) };
  }

  /**
   * Who may read an organisation's engagement figures: its admins and staff, or those of an
   * organisation above it. `admin` also sees every super member; `staff` only their own entry.
   * NOT_FOUND for an unknown organisation; FORBIDDEN for anyone else.
   */
  async assertEngagementReader(viewerId: string, organizationId: string): Promise<'admin' | 'staff'> {
    const [row] = (await this.db.query(
      `SELECT bool_or(a.role = 'ADMIN') AS admin, count(a.user_id) > 0 AS staff
         FROM organizations o
         LEFT JOIN organization_memberships a
           ON a.user_id = $1 AND a.role IN ('ADMIN', 'STAFF')
          AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids))
        WHERE o.id = $2
        GROUP BY o.id`,
      [viewerId, organizationId],
    )) as { admin: boolean | null; staff: boolean }[];
    if (!row) throw new NotFoundError('Organization');
    if (row.admin) return 'admin';
    if (row.staff) return 'staff';
    throw refusal('organization.readEngagement');
  }
}
