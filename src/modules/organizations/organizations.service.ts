import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { BadInputError, NotFoundError } from '../../common/errors/app-error';
import { byKey, groupByKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection, withEdges } from '../../common/pagination/connection';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { addWordFilters } from '../../common/pagination/filters';
import { CreateOrganizationInput, OrganizationsArgs } from './dto/organization.inputs';
import { OrganizationMembershipEntity } from './organization-membership.entity';
import { OrganizationEntity, OrganizationKindValue, OrganizationRoleValue } from './organization.entity';
import { slugify, suffixedSlug } from './slug';
import { assertFederationKeepsAnAdmin } from './federation-admins';
import { DomainEvents } from '../../common/events/domain-events';

/** Which kinds may sit under which: regions under the federation, associations under a region or the federation. */
const ALLOWED_PARENTS: Record<OrganizationKindValue, OrganizationKindValue[]> = {
  FEDERATION: [],
  REGION: ['FEDERATION'],
  ASSOCIATION: ['REGION', 'FEDERATION'],
};

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
    @InjectRepository(OrganizationMembershipEntity)
    private readonly memberships: Repository<OrganizationMembershipEntity>,
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
    private readonly events: DomainEvents,
  ) {}

  async getById(id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findOne({ where: { id } });
    if (!organization) throw new NotFoundError('Organization');
    return organization;
  }

  load(loaders: RequestLoaders, id: string): Promise<OrganizationEntity | null> {
    return loaders
      .get<string, OrganizationEntity | null>('organizations.byId', async (ids) =>
        byKey(ids, await this.organizations.findBy({ id: In([...ids]) }), (o) => o.id),
      )
      .load(id);
  }

  /** Creates the federation itself; only bootstrap does this. */
  async createFederation(name: string, manager: EntityManager): Promise<OrganizationEntity> {
    return this.insert(manager, { name, kind: 'FEDERATION', description: null, parent: null });
  }

  async create(viewerId: string, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const parent = await this.getById(input.parentId);
    await this.access.assertAdminister(viewerId, parent.id);
    if (!ALLOWED_PARENTS[input.kind].includes(parent.kind)) {
      throw new BadInputError({
        kind:
          input.kind === 'FEDERATION'
            ? 'there is only one federation'
            : `a ${input.kind} cannot be placed under a ${parent.kind}`,
      });
    }
    return this.insert(this.db.manager, {
      name: input.name.trim(),
      kind: input.kind,
      description: input.description?.trim() || null,
      parent,
    });
  }

  private async insert(
    manager: EntityManager,
    spec: { name: string; kind: OrganizationKindValue; description: string | null; parent: OrganizationEntity | null },
  ): Promise<OrganizationEntity> {
    const repository = manager.getRepository(OrganizationEntity);
    let slug = slugify(spec.name);
    if (await repository.exists({ where: { slug } })) slug = suffixedSlug(slug);
    return repository.save(
      repository.create({
        name: spec.name,
        slug,
        kind: spec.kind,
        description: spec.description,
        parentId: spec.parent?.id ?? null,
        ancestorIds: spec.parent ? [...spec.parent.ancestorIds, spec.parent.id] : [],
      }),
    );
  }

  async list(args: OrganizationsArgs): Promise<Connection<OrganizationEntity>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (args.parentId) {
      params.push(args.parentId);
      where.push(`o.parent_id = $${params.length}`);
    }
    if (args.kind) {
      params.push(args.kind);
      where.push(`o.kind = $${params.length}`);
    }
    addWordFilters(where, params, args.search, 'o.name');
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT o.id FROM organizations o',
      where,
      params,
      orderBy: [
        { expr: 'maillage_fold(o.name)', type: 'text' },
        { expr: 'o.id', type: 'uuid' },
      ],
      direction: 'ASC',
      first: args.first,
      after: args.after,
    });
    return hydrate(page, this.organizations);
  }

  children(loaders: RequestLoaders, id: string): Promise<OrganizationEntity[]> {
    return loaders
      .get<string, OrganizationEntity[]>('organizations.children', async (ids) =>
        groupByKey(
          ids,
          await this.organizations.find({ where: { parentId: In([...ids]) }, order: { name: 'ASC' } }),
          (o) => o.parentId as string,
        ),
      )
      .load(id);
  }

  memberCount(loaders: RequestLoaders, id: string): Promise<number> {
    return loaders
      .get<string, number>('organizations.memberCount', async (ids) => {
        const rows = (await this.db.query(
          `SELECT organization_id, count(*)::int AS count FROM organization_memberships
            WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
          [ids],
        )) as { organization_id: string; count: number }[];
        const counts = new Map(rows.map((row) => [row.organization_id, row.count]));
        return ids.map((orgId) => counts.get(orgId) ?? 0);
      })
      .load(id);
  }

  /** The viewer's own role in each organisation (direct membership), batched. */
  viewerRole(loaders: RequestLoaders, viewerId: string, id: string): Promise<OrganizationRoleValue | null> {
    return loaders
      .get<string, OrganizationRoleValue | null>(`organizations.viewerRole:${viewerId}`, async (ids) => {
        const rows = await this.memberships.findBy({ userId: viewerId, organizationId: In([...ids]) });
        return byKey(ids, rows, (m) => m.organizationId).map((m) => m?.role ?? null);
      })
      .load(id);
  }

  membershipsOfUser(loaders: RequestLoaders, userId: string): Promise<OrganizationMembershipEntity[]> {
    return loaders
      .get<string, OrganizationMembershipEntity[]>('organizations.membershipsOfUser', async (ids) =>
        groupByKey(
          ids,
          await this.memberships.find({ where: { userId: In([...ids]) }, order: { createdAt: 'ASC' } }),
          (m) => m.userId,
        ),
      )
      .load(userId);
  }

  async members(
    organizationId: string,
    first: number,
    after?: string,
    search?: string,
    includeBelow = false,
  ): Promise<Connection<OrganizationMembershipEntity>> {
    await this.getById(organizationId);
    const where = [
      includeBelow
        ? 'm.organization_id IN (SELECT id FROM organizations WHERE id = $1 OR $1 = ANY(ancestor_ids))'
        : 'm.organization_id = $1',
    ];
    const params: unknown[] = [organizationId];
    addWordFilters(where, params, search, 'u.display_name');
    const page = await keysetPage<Record<string, unknown>>(this.db.manager, {
      select: `SELECT m.organization_id, m.user_id, m.role, m.created_at FROM organization_memberships m JOIN users u ON u.id = m.user_id`,
      where,
      params,
      orderBy: [
        { expr: 'maillage_fold(u.display_name)', type: 'text' },
        { expr: 'u.id', type: 'uuid' },
        { expr: 'm.organization_id', type: 'uuid' },
      ],
      direction: 'ASC',
      first,
      after,
    });
    return withEdges(
      page,
      page.edges.map((edge) => ({
        cursor: edge.cursor,
        node: Object.assign(new OrganizationMembershipEntity(), {
          organizationId: edge.node.organization_id as string,
          userId: edge.node.user_id as string,
          role: edge.node.role as OrganizationRoleValue,
          createdAt: edge.node.created_at as Date,
        }),
      })),
    );
  }

  async setMemberRole(viewerId: string, organizationId: string, userId: string, role: OrganizationRoleValue) {
    await this.getById(organizationId);
    await this.access.assertAdminister(viewerId, organizationId);
    return this.db.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, organizationId, userId);
      if (membership.role === 'ADMIN' && role !== 'ADMIN')
        await assertFederationKeepsAnAdmin(manager, userId, [organizationId]);
      const previous = membership.role;
      membership.role = role;
      const saved = await manager.getRepository(OrganizationMembershipEntity).save(membership);
      if (previous !== role) {
        await this.events.publish(manager, {
          type: 'member.role_changed',
          organizationId,
          userId,
          actorId: viewerId,
          from: previous,
          to: role,
        });
      }
      return saved;
    });
  }

  async removeMember(viewerId: string, organizationId: string, userId: string): Promise<void> {
    await this.getById(organizationId);
    await this.access.assertAdminister(viewerId, organizationId);
    await this.db.transaction(async (manager) => {
      const membership = await this.lockedMembership(manager, organizationId, userId);
      if (membership.role === 'ADMIN') await assertFederationKeepsAnAdmin(manager, userId, [organizationId]);
      await manager.delete(OrganizationMembershipEntity, { organizationId, userId });
      // Retention starts counting when a person's last membership ends.
      await manager.query(
        `UPDATE users SET memberships_ended_at = now() WHERE id = $1
           AND NOT EXISTS (SELECT 1 FROM organization_memberships WHERE user_id = $1)`,
        [userId],
      );
      await this.events.publish(manager, {
        type: 'member.removed',
        organizationId,
        userId,
        actorId: viewerId,
        role: membership.role,
      });
    });
  }

  /** Adds a membership, or keeps the existing one: an invitation never demotes anybody. */
  async addMember(
    manager: EntityManager,
    organizationId: string,
    userId: string,
    role: OrganizationRoleValue,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO organization_memberships (organization_id, user_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id, user_id) DO NOTHING`,
      [organizationId, userId, role],
    );
    await manager.query(
      'UPDATE users SET memberships_ended_at = NULL WHERE id = $1 AND memberships_ended_at IS NOT NULL',
      [userId],
    );
  }

  private async lockedMembership(manager: EntityManager, organizationId: string, userId: string) {
    // Lock the organisation row first: two admins demoting each other at once must queue.
    await manager.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [organizationId]);
    const membership = await manager.findOne(OrganizationMembershipEntity, { where: { organizationId, userId } });
    if (!membership) throw new NotFoundError('Membership');
    return membership;
  }
}
