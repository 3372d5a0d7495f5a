import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OrganizationAccess } from '../../access/organization-access.service';
import { ConflictError, NotFoundError } from '../../common/errors/app-error';
import { CreateSegmentInput } from './dto/member.inputs';
import { MemberAudience, MemberFilter, savedFilter, storedFilter } from './member-filter.sql';
import { MembersService } from './members.service';
import { SegmentEntity } from './segment.entity';

/**
 * The segments every organisation gets. In an association they cover its own members; in a region
 * or the federation, the members of every organisation below too.
 */
export const BUILT_IN_SEGMENTS: { key: string; name: string; filter: MemberFilter }[] = [
  { key: 'dues-up-to-date', name: 'À jour de cotisation', filter: { duesStatus: ['UP_TO_DATE'] } },
  { key: 'dues-ending-30', name: 'Expire sous 30 jours', filter: { duesEndingWithinDays: 30 } },
  { key: 'dues-lapsed', name: 'Cotisation expirée (à relancer)', filter: { duesStatus: ['GRACE', 'LAPSED'] } },
  { key: 'new-members-90', name: 'Nouveaux adhérents (90 jours)', filter: { joinedWithinDays: 90 } },
  { key: 'volunteers', name: 'Bénévoles', filter: { categories: ['BENEVOLE'] } },
];

@Injectable()
export class SegmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly members: MembersService,
    private readonly access: OrganizationAccess,
    private readonly audience: MemberAudience,
  ) {}

  /** The organisation's segments (built-in ones first, created on first use), for its admins. */
  async list(viewerId: string, organizationId: string): Promise<SegmentEntity[]> {
    await this.members.assertAdmin(viewerId, organizationId);
    await this.ensureBuiltIns(organizationId);
    return this.db
      .getRepository(SegmentEntity)
      .createQueryBuilder('s')
      .where('s.organization_id = :organizationId', { organizationId })
      .orderBy('s.built_in IS NULL', 'ASC')
      .addOrderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
  }

  /** Idempotent: the five built-in segments exist for the organisation afterwards. */
  async ensureBuiltIns(organizationId: string): Promise<void> {
    const [organization] = (await this.db.query('SELECT kind FROM organizations WHERE id = $1', [organizationId])) as {
      kind: string;
    }[];
    if (!organization) return;
    const includeDescendants = organization.kind !== 'ASSOCIATION';
    await this.db.query(
      `INSERT INTO segments (organization_id, name, filter, built_in, created_at)
       SELECT $1, item.name, item.filter, item.key, now() + item.position * interval '1 microsecond'
         FROM unnest($2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS item(key, name, filter, position)
       ON CONFLICT (organization_id, built_in) WHERE built_in IS NOT NULL DO NOTHING`,
      [
        organizationId,
        BUILT_IN_SEGMENTS.map((s) => s.key),
        BUILT_IN_SEGMENTS.map((s) => s.name),
        BUILT_IN_SEGMENTS.map((s) =>
          JSON.stringify(storedFilter({ ...s.filter, includeDescendants: includeDescendants || undefined })),
        ),
      ],
    );
  }

  async create(viewerId: string, input: CreateSegmentInput): Promise<SegmentEntity> {
    await this.members.assertAdmin(viewerId, input.organizationId);
    const repository = this.db.getRepository(SegmentEntity);
    return repository.save(
      repository.create({
        organizationId: input.organizationId,
        name: input.name.trim(),
        filter: storedFilter(input.filter) as Record<string, unknown>,
        builtIn: null,
        createdBy: viewerId,
      }),
    );
  }

  /** NOT_FOUND for an unknown segment or one the viewer does not administer; built-in ones stay (CONFLICT). */
  async delete(viewerId: string, id: string): Promise<void> {
    const segment = await this.db.getRepository(SegmentEntity).findOneBy({ id });
    if (!segment || !(await this.access.canAdminister(viewerId, segment.organizationId)))
      throw new NotFoundError('Segment');
    if (segment.builtIn) throw new ConflictError('SEGMENT_BUILT_IN', 'A built-in segment cannot be deleted');
    await this.db.query('DELETE FROM segments WHERE id = $1', [id]);
  }

  /** The people in the segment now: exact, one count statement per segment, on each read. */
  memberCount(segment: { organizationId: string; filter: unknown }): Promise<number> {
    return this.audience.countPeople(segment.organizationId, savedFilter(segment.filter));
  }
}
