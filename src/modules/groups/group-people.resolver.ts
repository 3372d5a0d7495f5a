import { PublicField } from '../../common/auth/access-rules';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../common/graphql/request-context';
import { OrganizationModel } from '../organizations/organization.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { GroupJoinRequestModel, GroupMembershipModel } from './group.model';
import { GroupsService } from './groups.service';

@Resolver(() => GroupMembershipModel)
export class GroupMembershipResolver {
  constructor(private readonly users: UsersService) {}

  @PublicField()
  @ResolveField(() => UserModel, { description: 'The member.' })
  async user(@Parent() membership: GroupMembershipModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, membership.userId))!);
  }
}

@Resolver(() => GroupJoinRequestModel)
export class GroupJoinRequestResolver {
  constructor(private readonly users: UsersService) {}

  @PublicField()
  @ResolveField(() => UserModel, { description: 'Who asked to join.' })
  async user(@Parent() request: GroupJoinRequestModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, request.userId))!);
  }
}

/** `Organization.viewerIsFollowing`, declared here so organisations do not depend on groups. */
@Resolver(() => OrganizationModel)
export class OrganizationFollowResolver {
  constructor(private readonly groups: GroupsService) {}

  @PublicField()
  @ResolveField(() => Boolean, { description: "The organisation's groups are in the viewer's feed." })
  viewerIsFollowing(@Parent() organization: OrganizationModel, @Context() ctx: RequestContext): Promise<boolean> {
    return this.groups.isFollowingOrganization(ctx.loaders, ctx.viewer!.id, organization.id);
  }
}
