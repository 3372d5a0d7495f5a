import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';
import { byKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { GroupEntity } from '../groups/group.entity';
import { slugify, suffixedSlug } from '../organizations/slug';
import { CommissionEntity } from './commission.entity';
import { CreateCommissionInput } from './dto/commission.inputs';

/** What the two groups of a commission are called, after it. */
export const WORKING_GROUP_SUFFIX = ' · espace de travail';
export const SHOWCASE_GROUP_SUFFIX = ' · vitrine';

/**
 * Commissions themselves: creation (the two groups and the link, in one transaction), lookups and
 * the per-request loaders. A commission's name and description are visible to every logged-in
 * person, as a group's are; its content is its groups', guarded by their own access policy.
 */
@Injectable()
export class CommissionsService {
  constructor(
    @InjectRepository(CommissionEntity) private readonly commissions: Repository<CommissionEntity>,
    private readonly db: DataSource,
    private readonly organizationAccess: OrganizationAccess,
    private readonly events: DomainEvents,
  ) {}

  /** Admins of the organisation (or of one above) create it; the creator owns both groups. */
  async create(viewerId: string, input: CreateCommissionInput): Promise<CommissionEntity> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [
      input.organizationId,
    ])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    await this.organizationAccess.assertAdminister(viewerId, input.organizationId);
    const name = input.name.trim();
    const description = input.description?.trim() || null;
    return this.db.transaction(async (manager) => {
      const working = await this.createGroup(manager, viewerId, input.organizationId, {
        name: `${name}${WORKING_GROUP_SUFFIX}`,
        description,
        visibility: 'PRIVATE',
      });
      const showcase = await this.createGroup(manager, viewerId, input.organizationId, {
        name: `${name}${SHOWCASE_GROUP_SUFFIX}`,
        description,
        visibility: 'PUBLIC',
      });
      const repository = manager.getRepository(CommissionEntity);
      return repository.save(
        repository.create({
          organizationId: input.organizationId,
          name,
          description,
          workingGroupId: working.id,
          showcaseGroupId: showcase.id,
          createdBy: viewerId,
        }),
      );
    });
  }

  /** A group as GroupsService.create makes one (slug, OWNER membership, `group.created` for search and audit). */
  private async createGroup(
    manager: EntityManager,
    viewerId: string,
    organizationId: string,
    fields: Pick<GroupEntity, 'name' | 'description' | 'visibility'>,
  ): Promise<GroupEntity> {
    const repository = manager.getRepository(GroupEntity);
    let slug = slugify(fields.name);
    if (await repository.exists({ where: { slug } })) slug = suffixedSlug(slug);
    const group = await repository.save(
      repository.create({ ...fields, organizationId, slug, topics: [], createdBy: viewerId }),
    );
    await manager.query(`INSERT INTO group_memberships (group_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
      group.id,
      viewerId,
    ]);
    await this.events.publish(manager, { type: 'group.created', groupId: group.id, organizationId, actorId: viewerId });
    return group;
  }

  async getById(id: string): Promise<CommissionEntity> {
    const commission = await this.commissions.findOne({ where: { id } });
    if (!commission) throw new NotFoundError('Commission');
    return commission;
  }

  /** An organisation's commissions, oldest first (a handful per organisation: no paging). */
  async listByOrganization(organizationId: string): Promise<CommissionEntity[]> {
    return this.commissions.find({ where: { organizationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  load(loaders: RequestLoaders, id: string): Promise<CommissionEntity | null> {
    return loaders
      .get<string, CommissionEntity | null>('commissions.byId', async (ids) =>
        byKey(ids, await this.commissions.findBy({ id: In([...ids]) }), (c) => c.id),
      )
      .load(id);
  }

  /** The commission a group belongs to (as its working group or its showcase), batched. */
  loadByGroup(loaders: RequestLoaders, groupId: string): Promise<CommissionEntity | null> {
    return loaders
      .get<string, CommissionEntity | null>('commissions.byGroup', async (ids) => {
        const rows = await this.commissions.find({
          where: [{ workingGroupId: In([...ids]) }, { showcaseGroupId: In([...ids]) }],
        });
        const byGroup = new Map<string, CommissionEntity>();
        for (const row of rows) {
          byGroup.set(row.workingGroupId, row);
          byGroup.set(row.showcaseGroupId, row);
        }
        return ids.map((id) => byGroup.get(id) ?? null);
      })
      .load(groupId);
  }

  /** The commission whose working group is `groupId`, in a transaction (null for any other group). */
  byWorkingGroup(manager: EntityManager, groupId: string): Promise<CommissionEntity | null> {
    return manager.getRepository(CommissionEntity).findOne({ where: { workingGroupId: groupId } });
  }
}
