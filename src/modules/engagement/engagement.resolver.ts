import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { EngagementArgs } from './dto/engagement.args';
import { ContributorScoreModel, EngagementModel } from './engagement.model';
import { EngagementService } from './engagement.service';

@Authenticated()
@Resolver(() => EngagementModel)
export class EngagementResolver {
  constructor(private readonly service: EngagementService) {}

  @Query(() => EngagementModel, {
    description:
      'Engagement figures of an organisation over the last `days`, for the admins and staff of it or of an organisation above it (FORBIDDEN to others, NOT_FOUND for an unknown organisation).',
  })
  engagement(@CurrentViewer() viewer: Viewer, @Args() args: EngagementArgs): Promise<EngagementModel> {
    return this.service.engagement(viewer.id, args.organizationId, args.days);
  }
}

@Resolver(() => ContributorScoreModel)
export class ContributorScoreResolver {
  constructor(private readonly users: UsersService) {}

  // The entry itself was filtered by `engagement` (admins see all, staff their own).
  @PublicField()
  @ResolveField(() => UserModel, { description: 'The person.' })
  async user(@Parent() entry: ContributorScoreModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, entry.userId))!);
  }
}
