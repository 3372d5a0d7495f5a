import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors/app-error';
import { RequestLoaders } from '../common/loaders/request-loaders';
import {
  allows,
  GroupAction,
  GroupRoleValue,
  GroupStanding,
  GroupVisibilityValue,
  mayReadContent,
} from './group-policy';
import { refusal } from './refusals';

/** "The organisation of `g` is administered by the viewer": admin of it or of an ancestor. */
function organizationAdminSql(groupAlias: string, viewerParam: string): string {
  return `EXISTS (SELECT 1 FROM organizations o JOIN organization_memberships a
                    ON a.user_id = ${viewerParam} AND a.role = 'ADMIN'
                   AND (a.organization_id = o.id OR a.organization_id = ANY(o.ancestor_ids))
                 WHERE o.id = ${groupAlias}.organization_id)`;
}

/**
 * Who may read or change a group and its content. Standings are computed in bulk (one query for
 * any number of groups); decisions come from group-policy.ts; lists use `readableGroupSql`.
 */
@Injectable()
export class GroupAccess {
  constructor(private readonly db: DataSource) {}

  /**
   * The SQL condition "the viewer may read the content of group `alias`", for every list that
   * shows group content (group posts, feed, member lists, search later). `viewerParam` is the
   * placeholder holding the viewer id, e.g. `$1`.
   */
  readableGroupSql(alias: string, viewerParam: string): string {
    return `(${alias}.visibility = 'PUBLIC'
             OR EXISTS (SELECT 1 FROM group_memberships rm WHERE rm.group_id = ${alias}.id AND rm.user_id = ${viewerParam})
             OR ${organizationAdminSql(alias, viewerParam)})`;
  }

  async standings(
    viewerId: string,
    groupIds: readonly string[],
    manager: EntityManager = this.db.manager,
  ): Promise<Map<string, GroupStanding>> {
    if (groupIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT g.id, g.visibility, gm.role, (jr.user_id IS NOT NULL) AS pending, ${organizationAdminSql('g', '$1')} AS org_admin
         FROM groups g
         LEFT JOIN group_memberships gm ON gm.group_id = g.id AND gm.user_id = $1
         LEFT JOIN group_join_requests jr ON jr.group_id = g.id AND jr.user_id = $1
        WHERE g.id = ANY($2::uuid[])`,
      [viewerId, groupIds],
    )) as {
      id: string;
      visibility: GroupVisibilityValue;
      role: GroupRoleValue | null;
      pending: boolean;
      org_admin: boolean;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          groupId: row.id,
          visibility: row.visibility,
          role: row.role,
          pending: row.pending,
          organizationAdmin: row.org_admin,
        },
      ]),
    );
  }

  /** Per-request, batched standing of the viewer in one group; undefined when the group does not exist. */
  standing(loaders: RequestLoaders, viewerId: string, groupId: string): Promise<GroupStanding | undefined> {
    return loaders
      .get<string, GroupStanding | undefined>(`access.group:${viewerId}`, async (ids) => {
        const found = await this.standings(viewerId, ids);
        return ids.map((id) => found.get(id));
      })
      .load(groupId);
  }

  /** The group ids among `groupIds` whose content the viewer may read. */
  async readableGroups(viewerId: string, groupIds: readonly string[]): Promise<Set<string>> {
    const found = await this.standings(viewerId, groupIds);
    return new Set([...found.values()].filter(mayReadContent).map((s) => s.groupId));
  }

  /**
   * Throws unless the viewer may do `action` in the group. A missing group is NOT_FOUND; an
   * existing group is FORBIDDEN, since a group's name and description are visible to all.
   */
  async assert(
    viewerId: string,
    groupId: string,
    action: GroupAction,
    manager?: EntityManager,
  ): Promise<GroupStanding> {
    const standing = (await this.standings(viewerId, [groupId], manager)).get(groupId);
    if (!standing) throw new NotFoundError('Group');
    this.require(standing, action);
    return standing;
  }

  /** Throws the refusal of `action` unless the standing allows it (for a standing already known). */
  require(standing: GroupStanding, action: GroupAction): void {
    if (!allows(standing, action)) throw refusal(`group.${action}`);
  }

  /**
   * The Meilisearch filter for group content: private groups whose content the viewer may not read
   * are excluded in the engine itself, so hits, pages and estimatedTotal never count them. Read
   * from PostgreSQL at query time, so a membership or visibility change applies at once.
   */
  async searchFilter(viewerId: string): Promise<string | undefined> {
    const rows = (await this.db.query(
      `SELECT g.id FROM groups g WHERE g.visibility = 'PRIVATE' AND NOT ${this.readableGroupSql('g', '$1')}`,
      [viewerId],
    )) as { id: string }[];
    return rows.length ? `groupId NOT IN [${rows.map((row) => JSON.stringify(row.id)).join(', ')}]` : undefined;
  }
}
