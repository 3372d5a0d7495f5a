import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { NotFoundError } from '../../common/errors/app-error';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection, withEdges } from '../../common/pagination/connection';
import { keysetPage } from '../../common/pagination/keyset';
import { OrganizationMembershipEntity } from '../organizations/organization-membership.entity';
import { OrganizationEntity, OrganizationRoleValue } from '../organizations/organization.entity';
import { UpdateOrganizationSettingsInput } from './dto/member.inputs';
import { duesStatusFromPaidUntil, DuesStatusValue, todayInParis } from './dues-status';
import { MemberAudience, MemberFilter, memberFilterQuery, PAID_UNTIL_SQL } from './member-filter.sql';
import { MemberCategoryValue } from './members.model';
import { membersCsv } from './member-csv';

/** What only the person and the organisation's admins see of a membership. */
export interface MembershipFacts {
  categories: MemberCategoryValue[];
  duesPaidUntil: string | null;
  duesStatus: DuesStatusValue;
}

const key = (organizationId: string, userId: string) => `${organizationId}:${userId}`;

@Injectable()
export class MembersService {
  constructor(
    private readonly db: DataSource,
    private readonly access: OrganizationAccess,
    private readonly audience: MemberAudience,
  ) {}

  /** NOT_FOUND for an unknown organisation, FORBIDDEN unless the viewer administers it (or one above). */
  async assertAdmin(viewerId: string, organizationId: string): Promise<void> {
    const [found] = (await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId])) as unknown[];
    if (!found) throw new NotFoundError('Organization');
    await this.access.assertAdminister(viewerId, organizationId);
  }

  /** Memberships the filter selects, alphabetical by name, with an exact count; admins only. */
  async list(
    viewerId: string,
    organizationId: string,
    filter: MemberFilter | undefined,
    first: number,
    after?: string,
  ): Promise<Connection<OrganizationMembershipEntity>> {
    await this.assertAdmin(viewerId, organizationId);
    const query = memberFilterQuery(organizationId, filter, { withUser: true });
    const page = await keysetPage<Record<string, unknown>>(this.db.manager, {
      select: `SELECT m.organization_id, m.user_id, m.role, m.created_at FROM ${query.from}`,
      where: query.where,
      params: query.params,
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

  /** How many people the filter selects (a person in two organisations of the subtree counts once). */
  async countPeople(viewerId: string, organizationId: string, filter: MemberFilter | undefined): Promise<number> {
    await this.assertAdmin(viewerId, organizationId);
    return this.audience.countPeople(organizationId, filter);
  }

  /** The CSV of the members the filter selects (see member-csv.ts), alphabetical. */
  async exportCsv(viewerId: string, organizationId: string, filter: MemberFilter | undefined): Promise<string> {
    await this.assertAdmin(viewerId, organizationId);
    const query = memberFilterQuery(organizationId, filter, { withDues: true, withUser: true });
    const rows = (await this.db.query(
      `SELECT u.email, u.display_name, m.categories, dues.paid_until::text AS paid_until FROM ${query.from}
        WHERE ${query.where.join(' AND ')} ORDER BY maillage_fold(u.display_name), u.id, m.organization_id`,
      query.params,
    )) as { email: string; display_name: string; categories: MemberCategoryValue[]; paid_until: string | null }[];
    return membersCsv(
      rows.map((row) => ({
        email: row.email,
        displayName: row.display_name,
        categories: row.categories,
        paidUntil: row.paid_until,
      })),
    );
  }

  async setCategories(
    viewerId: string,
    organizationId: string,
    userId: string,
    categories: MemberCategoryValue[],
  ): Promise<OrganizationMembershipEntity> {
    await this.assertAdmin(viewerId, organizationId);
    const [row] = (await this.db.query(
      `WITH updated AS (
         UPDATE organization_memberships SET categories = $3::text[]
          WHERE organization_id = $1 AND user_id = $2
          RETURNING organization_id, user_id, role, created_at)
       SELECT * FROM updated`,
      [organizationId, userId, [...new Set(categories)].sort()],
    )) as { organization_id: string; user_id: string; role: OrganizationRoleValue; created_at: Date }[];
    if (!row) throw new NotFoundError('Membership');
    return Object.assign(new OrganizationMembershipEntity(), {
      organizationId: row.organization_id,
      userId: row.user_id,
      role: row.role,
      createdAt: row.created_at,
    });
  }

  async updateSettings(viewerId: string, input: UpdateOrganizationSettingsInput): Promise<OrganizationEntity> {
    await this.assertAdmin(viewerId, input.organizationId);
    if (input.duesGraceDays != null)
      await this.db.query('UPDATE organizations SET dues_grace_days = $2 WHERE id = $1', [
        input.organizationId,
        input.duesGraceDays,
      ]);
    return (await this.db.getRepository(OrganizationEntity).findOneBy({ id: input.organizationId }))!;
  }

  /** May the viewer see this membership's categories and dues? The person, and admins of the organisation or above. */
  async mayView(loaders: RequestLoaders, viewerId: string, organizationId: string, userId: string): Promise<boolean> {
    if (viewerId === userId) return true;
    return this.access.mayAdminister(loaders, viewerId, organizationId);
  }

  /** Categories and dues of a membership, batched per request (one query for a page of members). */
  facts(loaders: RequestLoaders, organizationId: string, userId: string): Promise<MembershipFacts | null> {
    const today = todayInParis();
    return loaders
      .get<string, MembershipFacts | null>('members.facts', async (keys) => {
        const pairs = keys.map((k) => k.split(':'));
        const rows = (await this.db.query(
          `SELECT m.organization_id, m.user_id, m.categories, o.dues_grace_days,
                  ${PAID_UNTIL_SQL}::text AS paid_until
             FROM unnest($1::uuid[], $2::uuid[]) AS k(organization_id, user_id)
             JOIN organization_memberships m ON m.organization_id = k.organization_id AND m.user_id = k.user_id
             JOIN organizations o ON o.id = m.organization_id`,
          [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
        )) as {
          organization_id: string;
          user_id: string;
          categories: MemberCategoryValue[];
          dues_grace_days: number;
          paid_until: string | null;
        }[];
        const found = new Map(
          rows.map((row) => [
            key(row.organization_id, row.user_id),
            {
              categories: row.categories,
              duesPaidUntil: row.paid_until,
              duesStatus: duesStatusFromPaidUntil(row.paid_until, today, row.dues_grace_days),
            },
          ]),
        );
        return keys.map((k) => found.get(k) ?? null);
      })
      .load(key(organizationId, userId));
  }

  graceDays(loaders: RequestLoaders, organizationId: string): Promise<number> {
    return loaders
      .get<string, number>('members.graceDays', async (ids) => {
        const rows = (await this.db.query('SELECT id, dues_grace_days FROM organizations WHERE id = ANY($1::uuid[])', [
          ids,
        ])) as { id: string; dues_grace_days: number }[];
        const found = new Map(rows.map((row) => [row.id, row.dues_grace_days]));
        return ids.map((id) => found.get(id) ?? 30);
      })
      .load(organizationId);
  }
}
