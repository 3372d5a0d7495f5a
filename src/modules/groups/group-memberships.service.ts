import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { actionOnMember, GroupRoleValue } from '../../access/group-policy';
import { ConflictError, NotFoundError } from '../../common/errors/app-error';
import { Connection } from '../../common/pagination/connection';
import { keysetPage } from '../../common/pagination/keyset';
import { DomainEvents } from '../../common/events/domain-events';

export interface MembershipRow {
  group_id: string;
  user_id: string;
  role: GroupRoleValue;
  created_at: Date;
}

/** Joining, leaving, requests, roles and follows. Every change is one transaction; its events tell the others. */
@Injectable()
export class GroupMembershipsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly events: DomainEvents,
  ) {}

  /** PUBLIC: member at once. PRIVATE: a pending request, announced to the owners and moderators. Idempotent. */
  async join(viewerId: string, groupId: string): Promise<void> {
    const standing = await this.access.assert(viewerId, groupId, 'readMetadata');
    if (standing.role) return;
    await this.db.transaction(async (manager) => {
      if (standing.visibility === 'PUBLIC') {
        await this.insertMembership(manager, groupId, viewerId, 'MEMBER');
        return;
      }
      const [created] = (await manager.query(
        `WITH inserted AS (
           INSERT INTO group_join_requests (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS count FROM inserted`,
        [groupId, viewerId],
      )) as { count: number }[];
      if (created.count > 0)
        await this.events.publish(manager, { type: 'group.join_requested', groupId, userId: viewerId });
    });
  }

  /** Leaves the group, or withdraws a pending request. The last OWNER cannot leave. */
  async leave(viewerId: string, groupId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const withdrawn = (await manager.query(
        `WITH gone AS (DELETE FROM group_join_requests WHERE group_id = $1 AND user_id = $2 RETURNING 1) SELECT count(*)::int AS count FROM gone`,
        [groupId, viewerId],
      )) as { count: number }[];
      const membership = await this.membership(manager, groupId, viewerId);
      if (!membership) {
        if (withdrawn[0].count > 0) return;
        throw new NotFoundError('Membership');
      }
      if (membership.role === 'OWNER') await this.assertAnotherOwner(manager, groupId);
      await this.deleteMembership(manager, groupId, viewerId);
    });
  }

  async approve(viewerId: string, groupId: string, userId: string): Promise<void> {
    await this.access.assert(viewerId, groupId, 'manageMembers');
    await this.db.transaction(async (manager) => {
      const [request] = (await manager.query(
        `WITH gone AS (DELETE FROM group_join_requests WHERE group_id = $1 AND user_id = $2 RETURNING user_id)
         SELECT user_id FROM gone`,
        [groupId, userId],
      )) as { user_id: string }[];
      if (!request) throw new NotFoundError('Join request');
      await this.insertMembership(manager, groupId, userId, 'MEMBER');
      await this.events.publish(manager, { type: 'group.join_approved', groupId, userId, actorId: viewerId });
    });
  }

  async reject(viewerId: string, groupId: string, userId: string): Promise<void> {
    await this.access.assert(viewerId, groupId, 'manageMembers');
    const [gone] = (await this.db.query(
      `WITH gone AS (DELETE FROM group_join_requests WHERE group_id = $1 AND user_id = $2 RETURNING 1) SELECT count(*)::int AS count FROM gone`,
      [groupId, userId],
    )) as { count: number }[];
    if (gone.count === 0) throw new NotFoundError('Join request');
  }

  /** Adds someone (or changes the role of a member). Giving OWNER or MODERATOR needs the right to change roles. */
  async add(viewerId: string, groupId: string, userId: string, role: GroupRoleValue): Promise<void> {
    const standing = await this.access.assert(viewerId, groupId, actionOnMember(null, role));
    await this.db.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const [user] = (await manager.query('SELECT id FROM users WHERE id = $1 AND deactivated_at IS NULL', [
        userId,
      ])) as unknown[];
      if (!user) throw new NotFoundError('User');
      const existing = await this.membership(manager, groupId, userId);
      if (existing && existing.role !== role) {
        this.access.require(standing, actionOnMember(existing.role, role));
        if (existing.role === 'OWNER') await this.assertAnotherOwner(manager, groupId);
        await manager.query('UPDATE group_memberships SET role = $3 WHERE group_id = $1 AND user_id = $2', [
          groupId,
          userId,
          role,
        ]);
      } else if (!existing) {
        await this.insertMembership(manager, groupId, userId, role);
      }
      await manager.query('DELETE FROM group_join_requests WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
    });
  }

  async setRole(viewerId: string, groupId: string, userId: string, role: GroupRoleValue): Promise<void> {
    await this.access.assert(viewerId, groupId, 'changeRoles');
    await this.db.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const existing = await this.membership(manager, groupId, userId);
      if (!existing) throw new NotFoundError('Membership');
      if (existing.role === 'OWNER' && role !== 'OWNER') await this.assertAnotherOwner(manager, groupId);
      await manager.query('UPDATE group_memberships SET role = $3 WHERE group_id = $1 AND user_id = $2', [
        groupId,
        userId,
        role,
      ]);
    });
  }

  /** Managers remove members; only owners and organisation admins remove owners or moderators. */
  async remove(viewerId: string, groupId: string, userId: string): Promise<void> {
    const standing = await this.access.assert(viewerId, groupId, 'manageMembers');
    await this.db.transaction(async (manager) => {
      await this.lockGroup(manager, groupId);
      const existing = await this.membership(manager, groupId, userId);
      if (!existing) throw new NotFoundError('Membership');
      this.access.require(standing, actionOnMember(existing.role, null));
      if (existing.role === 'OWNER') await this.assertAnotherOwner(manager, groupId);
      await this.deleteMembership(manager, groupId, userId);
    });
  }

  async members(viewerId: string, groupId: string, first: number, after?: string): Promise<Connection<MembershipRow>> {
    await this.access.assert(viewerId, groupId, 'listMembers');
    return keysetPage<MembershipRow>(this.db.manager, {
      select:
        'SELECT m.group_id, m.user_id, m.role, m.created_at FROM group_memberships m JOIN users u ON u.id = m.user_id',
      where: ['m.group_id = $1'],
      params: [groupId],
      orderBy: [
        { expr: 'maillage_fold(u.display_name)', type: 'text' },
        { expr: 'u.id', type: 'uuid' },
      ],
      direction: 'ASC',
      first,
      after,
    });
  }

  async joinRequests(viewerId: string, groupId: string): Promise<{ user_id: string; created_at: Date }[]> {
    await this.access.assert(viewerId, groupId, 'manageMembers');
    return (await this.db.query(
      'SELECT user_id, created_at FROM group_join_requests WHERE group_id = $1 ORDER BY created_at, user_id LIMIT 500',
      [groupId],
    )) as { user_id: string; created_at: Date }[];
  }

  /** Following a private group needs membership (or running it from the organisation). Idempotent. */
  async followGroup(viewerId: string, groupId: string): Promise<void> {
    await this.access.assert(viewerId, groupId, 'follow');
    await this.db.query('INSERT INTO group_follows (group_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      groupId,
      viewerId,
    ]);
  }

  async unfollowGroup(viewerId: string, groupId: string): Promise<void> {
    await this.access.assert(viewerId, groupId, 'readMetadata');
    await this.db.query('DELETE FROM group_follows WHERE group_id = $1 AND user_id = $2', [groupId, viewerId]);
  }

  async followOrganization(viewerId: string, organizationId: string): Promise<void> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    await this.db.query(
      'INSERT INTO organization_follows (organization_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [organizationId, viewerId],
    );
  }

  async unfollowOrganization(viewerId: string, organizationId: string): Promise<void> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    await this.db.query('DELETE FROM organization_follows WHERE organization_id = $1 AND user_id = $2', [
      organizationId,
      viewerId,
    ]);
  }

  private async lockGroup(manager: EntityManager, groupId: string): Promise<void> {
    const [group] = (await manager.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [groupId])) as unknown[];
    if (!group) throw new NotFoundError('Group');
  }

  private async membership(
    manager: EntityManager,
    groupId: string,
    userId: string,
  ): Promise<{ role: GroupRoleValue } | undefined> {
    const [row] = (await manager.query('SELECT role FROM group_memberships WHERE group_id = $1 AND user_id = $2', [
      groupId,
      userId,
    ])) as {
      role: GroupRoleValue;
    }[];
    return row;
  }

  private async insertMembership(
    manager: EntityManager,
    groupId: string,
    userId: string,
    role: GroupRoleValue,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO group_memberships (group_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [groupId, userId, role],
    );
  }

  /** Leaving a private group also ends following it: following needs membership there. */
  private async deleteMembership(manager: EntityManager, groupId: string, userId: string): Promise<void> {
    await manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
    await manager.query(
      `DELETE FROM group_follows f USING groups g WHERE f.group_id = g.id AND g.id = $1 AND f.user_id = $2 AND g.visibility = 'PRIVATE'`,
      [groupId, userId],
    );
  }

  private async assertAnotherOwner(manager: EntityManager, groupId: string): Promise<void> {
    const [{ owners }] = (await manager.query(
      `SELECT count(*)::int AS owners FROM group_memberships WHERE group_id = $1 AND role = 'OWNER'`,
      [groupId],
    )) as { owners: number }[];
    if (owners <= 1) throw new ConflictError('LAST_OWNER', 'A group must keep at least one owner');
  }
}
