import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { CreateSegmentInput } from './dto/member.inputs';
import { savedFilter } from './member-filter.sql';
import { SegmentModel } from './members.model';
import { SegmentEntity } from './segment.entity';
import { SegmentsService } from './segments.service';

export function toSegmentModel(entity: SegmentEntity): SegmentModel {
  return {
    id: entity.id,
    name: entity.name,
    filter: savedFilter(entity.filter) as SegmentModel['filter'],
    builtIn: entity.builtIn !== null,
    createdAt: entity.createdAt,
    organizationId: entity.organizationId,
  };
}

@Authenticated()
@Resolver(() => SegmentModel)
export class SegmentsResolver {
  constructor(private readonly service: SegmentsService) {}

  @Query(() => [SegmentModel], {
    description:
      "An organisation's segments: the five built-in ones first, then those saved, oldest first. For admins of the organisation or an ancestor.",
  })
  async segments(
    @CurrentViewer() viewer: Viewer,
    @Args('organizationId', { type: () => ID, description: 'The organisation.' }, UuidPipe) organizationId: string,
  ): Promise<SegmentModel[]> {
    return (await this.service.list(viewer.id, organizationId)).map(toSegmentModel);
  }

  @Mutation(() => SegmentModel, { description: 'Saves a member filter as a segment. For admins.' })
  async createSegment(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The segment.' }) input: CreateSegmentInput,
  ): Promise<SegmentModel> {
    return toSegmentModel(await this.service.create(viewer.id, input));
  }

  @Mutation(() => Boolean, { description: 'Deletes a saved segment (built-in ones cannot be: CONFLICT). For admins.' })
  async deleteSegment(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The segment.' }, UuidPipe) id: string,
  ): Promise<boolean> {
    await this.service.delete(viewer.id, id);
    return true;
  }

  // The segment itself is only ever given to its organisation's admins.
  @PublicField()
  @ResolveField(() => Int, { description: 'How many people are in it now (exact, computed on each read).' })
  memberCount(@Parent() segment: SegmentModel): Promise<number> {
    return this.service.memberCount(segment);
  }
}
