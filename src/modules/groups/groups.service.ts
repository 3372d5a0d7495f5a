import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { OrganizationAccess } from '../../access/organization-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { byKey, loadFlag, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { slugify, suffixedSlug } from '../organizations/slug';
import { addWordFilters } from '../../common/pagination/filters';
import { CreateGroupInput, GroupsArgs, UpdateGroupInput } from './dto/group.inputs';
import { GroupEntity } from './group.entity';
import { DomainEvents } from '../../common/events/domain-events';

/** Groups themselves: creation, settings, lists and per-viewer facts. Membership changes live in GroupMembershipsService. */
@Injectable()
export class GroupsService {
  constructor(
    @InjectRepository(GroupEntity) private readonly groups: Repository<GroupEntity>,
    private readonly db: DataSource,
    private readonly groupAccess: GroupAccess,
    private readonly organizationAccess: OrganizationAccess,
    private readonly events: DomainEvents,
  ) {}

  async getById(id: string): Promise<GroupEntity> {
    const group = await this.groups.findOne({ where: { id } });
    if (!group) throw new NotFoundError('Group');
    return group;
  }

  load(loaders: RequestLoaders, id: string): Promise<GroupEntity | null> {
    return this.loader(loaders).load(id);
  }

  /** Hands the request's loader a row read elsewhere (in a joined statement), so loading it costs nothing. */
  prime(loaders: RequestLoaders, row: GroupEntity): void {
    this.loader(loaders).prime(row.id, row);
  }

  private loader(loaders: RequestLoaders) {
    return loaders.get<string, GroupEntity | null>('groups.byId', async (ids) =>
      byKey(ids, await this.groups.findBy({ id: In([...ids]) }), (g) => g.id),
    );
  }

  /** Members of the organisation (any role) and admins above it may create its groups; the creator becomes OWNER. */
  async create(viewerId: string, input: CreateGroupInput): Promise<GroupEntity> {
    await this.organizationAccess.assertMayCreateGroup(viewerId, input.organizationId);
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(GroupEntity);
      let slug = slugify(input.name);
      if (await repository.exists({ where: { slug } })) slug = suffixedSlug(slug);
      const group = await repository.save(
        repository.create({
          organizationId: input.organizationId,
          name: input.name.trim(),
          slug,
          description: input.description?.trim() || null,
          visibility: input.visibility,
          topics: uniqueTopics(input.topics ?? []),
          createdBy: viewerId,
        }),
      );
      await manager.query(`INSERT INTO group_memberships (group_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
        group.id,
        viewerId,
      ]);
      await this.events.publish(manager, {
        type: 'group.created',
        groupId: group.id,
        organizationId: group.organizationId,
        actorId: viewerId,
      });
      return group;
    });
  }

  async update(viewerId: string, id: string, input: UpdateGroupInput): Promise<GroupEntity> {
    await this.groupAccess.assert(viewerId, id, 'updateGroup');
    const group = await this.getById(id);
    const previousVisibility = group.visibility;
    if (input.name !== undefined) group.name = (input.name as string).trim();
    if (input.description !== undefined) group.description = input.description?.trim() || null;
    if (input.visibility !== undefined) group.visibility = input.visibility;
    if (input.topics !== undefined) group.topics = uniqueTopics(input.topics ?? []);
    return this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(GroupEntity).save(group);
      await this.events.publish(manager, {
        type: 'group.updated',
        groupId: saved.id,
        organizationId: saved.organizationId,
        actorId: viewerId,
        visibility: saved.visibility !== previousVisibility ? { from: previousVisibility, to: saved.visibility } : null,
      });
      // Following a private group needs membership: followers who are not members stop following.
      if (saved.visibility === 'PRIVATE') {
        await manager.query(
          `DELETE FROM group_follows f WHERE f.group_id = $1
             AND NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = f.group_id AND m.user_id = f.user_id)`,
          [id],
        );
      }
      return saved;
    });
  }

  /** Every group's name and description are visible to all; content is guarded elsewhere. */
  async list(viewerId: string, args: GroupsArgs): Promise<Connection<GroupEntity>> {
    const where: string[] = [];
    const params: unknown[] = [viewerId];
    if (args.organizationId) {
      params.push(args.organizationId);
      where.push(`g.organization_id = $${params.length}`);
    }
    if (args.memberOf === true)
      where.push('EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.user_id = $1)');
    if (args.memberOf === false)
      where.push('NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = g.id AND m.user_id = $1)');
    addWordFilters(where, params, args.search, 'g.name');
    // $1 is referenced only by some filters; keep it typed for the others.
    where.push('$1::uuid IS NOT NULL');
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT g.id FROM groups g',
      where,
      params,
      orderBy: [
        { expr: 'maillage_fold(g.name)', type: 'text' },
        { expr: 'g.id', type: 'uuid' },
      ],
      direction: 'ASC',
      first: args.first,
      after: args.after,
    });
    return hydrate(page, this.groups);
  }

  memberCount(loaders: RequestLoaders, groupId: string): Promise<number> {
    return loaders
      .get<string, number>('groups.memberCount', async (ids) => {
        const rows = (await this.db.query(
          'SELECT group_id, count(*)::int AS count FROM group_memberships WHERE group_id = ANY($1::uuid[]) GROUP BY group_id',
          [ids],
        )) as { group_id: string; count: number }[];
        const counts = new Map(rows.map((row) => [row.group_id, row.count]));
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(groupId);
  }

  isFollowing(loaders: RequestLoaders, viewerId: string, groupId: string): Promise<boolean> {
    return loadFlag(loaders, `groups.following:${viewerId}`, groupId, async (ids) =>
      (
        (await this.db.query(
          'SELECT group_id AS id FROM group_follows WHERE user_id = $1 AND group_id = ANY($2::uuid[])',
          [viewerId, ids],
        )) as { id: string }[]
      ).map((r) => r.id),
    );
  }

  isFollowingOrganization(loaders: RequestLoaders, viewerId: string, organizationId: string): Promise<boolean> {
    return loadFlag(loaders, `organizations.following:${viewerId}`, organizationId, async (ids) =>
      (
        (await this.db.query(
          'SELECT organization_id AS id FROM organization_follows WHERE user_id = $1 AND organization_id = ANY($2::uuid[])',
          [viewerId, ids],
        )) as { id: string }[]
      ).map((r) => r.id),
    );
  }
}

function uniqueTopics(topics: string[]): string[] {
  return [...new Set(topics.map((topic) => topic.trim()))];
}
