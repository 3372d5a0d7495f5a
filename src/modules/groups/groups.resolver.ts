import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupAccess } from '../../access/group-access.service';
import { allows, GroupRoleValue } from '../../access/group-policy';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  CreateGroupInput,
  GroupIdArgs,
  GroupMemberArgs,
  GroupMemberRoleArgs,
  GroupsArgs,
  OrganizationIdArgs,
  UpdateGroupInput,
} from './dto/group.inputs';
import { GroupMembershipsService } from './group-memberships.service';
import {
  GroupConnection,
  GroupJoinRequestModel,
  GroupMembershipConnection,
  GroupMembershipModel,
  GroupModel,
  GroupRole,
  toGroupModel,
} from './group.model';
import { GroupsService } from './groups.service';

@Authenticated()
@Resolver(() => GroupModel)
export class GroupsResolver {
  constructor(
    private readonly groupsService: GroupsService,
    private readonly memberships: GroupMembershipsService,
    private readonly access: GroupAccess,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => GroupModel, {
    nullable: true,
    description: 'A group. Its name and description are visible to all, even when it is private.',
  })
  async group(@Args('id', { type: () => ID, description: 'The group.' }, UuidPipe) id: string): Promise<GroupModel> {
    return toGroupModel(await this.groupsService.getById(id));
  }

  @Query(() => GroupConnection, { description: 'Groups, alphabetical.' })
  async groups(@CurrentViewer() viewer: Viewer, @Args() args: GroupsArgs) {
    return mapConnection(await this.groupsService.list(viewer.id, args), toGroupModel);
  }

  @Mutation(() => GroupModel, {
    description: 'Creates a group in an organisation the viewer belongs to; the creator becomes its OWNER.',
  })
  async createGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new group.' }) input: CreateGroupInput,
  ): Promise<GroupModel> {
    return toGroupModel(await this.groupsService.create(viewer.id, input));
  }

  @Mutation(() => GroupModel, {
    description: "Changes a group's name, description, visibility or topics. For owners and organisation admins.",
  })
  async updateGroup(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The group to change.' }, UuidPipe) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateGroupInput,
  ): Promise<GroupModel> {
    return toGroupModel(await this.groupsService.update(viewer.id, id, input));
  }

  @Mutation(() => GroupModel, {
    description: 'PUBLIC: join at once. PRIVATE: ask to join; owners and moderators approve.',
  })
  async joinGroup(@CurrentViewer() viewer: Viewer, @Args() { groupId }: GroupIdArgs): Promise<GroupModel> {
    await this.memberships.join(viewer.id, groupId);
    return toGroupModel(await this.groupsService.getById(groupId));
  }

  @Mutation(() => Boolean, {
    description: 'Leaves the group (or withdraws a pending request). The last owner cannot leave (CONFLICT).',
  })
  async leaveGroup(@CurrentViewer() viewer: Viewer, @Args() { groupId }: GroupIdArgs): Promise<boolean> {
    await this.memberships.leave(viewer.id, groupId);
    return true;
  }

  @Mutation(() => GroupModel, {
    description: 'Accepts a pending request. For owners, moderators and organisation admins.',
  })
  async approveJoinRequest(@CurrentViewer() viewer: Viewer, @Args() args: GroupMemberArgs): Promise<GroupModel> {
    await this.memberships.approve(viewer.id, args.groupId, args.userId);
    return toGroupModel(await this.groupsService.getById(args.groupId));
  }

  @Mutation(() => GroupModel, {
    description: 'Declines a pending request. For owners, moderators and organisation admins.',
  })
  async rejectJoinRequest(@CurrentViewer() viewer: Viewer, @Args() args: GroupMemberArgs): Promise<GroupModel> {
    await this.memberships.reject(viewer.id, args.groupId, args.userId);
    return toGroupModel(await this.groupsService.getById(args.groupId));
  }

  @Mutation(() => GroupModel, {
    description: 'Adds a person. Managers add MEMBERs; only owners and organisation admins give OWNER or MODERATOR.',
  })
  async addGroupMember(@CurrentViewer() viewer: Viewer, @Args() args: GroupMemberRoleArgs): Promise<GroupModel> {
    await this.memberships.add(viewer.id, args.groupId, args.userId, args.role);
    return toGroupModel(await this.groupsService.getById(args.groupId));
  }

  @Mutation(() => GroupModel, {
    description: "Changes a member's role. For owners and organisation admins; the last owner stays (CONFLICT).",
  })
  async setGroupMemberRole(@CurrentViewer() viewer: Viewer, @Args() args: GroupMemberRoleArgs): Promise<GroupModel> {
    await this.memberships.setRole(viewer.id, args.groupId, args.userId, args.role);
    return toGroupModel(await this.groupsService.getById(args.groupId));
  }

  @Mutation(() => Boolean, {
    description:
      'Removes a member. Moderators remove members; owners and organisation admins anyone but the last owner.',
  })
  async removeGroupMember(@CurrentViewer() viewer: Viewer, @Args() args: GroupMemberArgs): Promise<boolean> {
    await this.memberships.remove(viewer.id, args.groupId, args.userId);
    return true;
  }

  @Mutation(() => GroupModel, {
    description: "Puts the group's posts in the viewer's feed. A private group can be followed by its members only.",
  })
  async followGroup(@CurrentViewer() viewer: Viewer, @Args() { groupId }: GroupIdArgs): Promise<GroupModel> {
    await this.memberships.followGroup(viewer.id, groupId);
    return toGroupModel(await this.groupsService.getById(groupId));
  }

  @Mutation(() => Boolean, {
    description:
      "Takes the group's posts out of the viewer's feed (membership, if any, stays). True even when not following.",
  })
  async unfollowGroup(@CurrentViewer() viewer: Viewer, @Args() { groupId }: GroupIdArgs): Promise<boolean> {
    await this.memberships.unfollowGroup(viewer.id, groupId);
    return true;
  }

  @Mutation(() => OrganizationModel, {
    description: "Puts the posts of the organisation's groups that the viewer may read in their feed.",
  })
  async followOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args() { organizationId }: OrganizationIdArgs,
  ): Promise<OrganizationModel> {
    await this.memberships.followOrganization(viewer.id, organizationId);
    return toOrganizationModel(await this.organizations.getById(organizationId));
  }

  @Mutation(() => Boolean, {
    description: "Takes the organisation's groups out of the viewer's feed. True even when not following.",
  })
  async unfollowOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args() { organizationId }: OrganizationIdArgs,
  ): Promise<boolean> {
    await this.memberships.unfollowOrganization(viewer.id, organizationId);
    return true;
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation that owns the group.' })
  async organization(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<OrganizationModel> {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, group.organizationId))!);
  }

  @PublicField()
  @ResolveField(() => Int, { description: 'How many members; visible to all, even for a private group.' })
  memberCount(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<number> {
    return this.groupsService.memberCount(ctx.loaders, group.id);
  }

  @PublicField()
  @ResolveField(() => GroupRole, { nullable: true, description: "The viewer's role; null when not a member." })
  async viewerRole(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<GroupRoleValue | null> {
    return (await this.access.standing(ctx.loaders, ctx.viewer!.id, group.id))?.role ?? null;
  }

  @PublicField()
  @ResolveField(() => Boolean, { description: "The group's posts are in the viewer's feed because they follow it." })
  viewerIsFollowing(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<boolean> {
    return this.groupsService.isFollowing(ctx.loaders, ctx.viewer!.id, group.id);
  }

  @PublicField()
  @ResolveField(() => Boolean, { description: 'The viewer asked to join and waits for approval.' })
  async viewerHasPendingRequest(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<boolean> {
    return (await this.access.standing(ctx.loaders, ctx.viewer!.id, group.id))?.pending ?? false;
  }

  @PublicField()
  @ResolveField(() => Boolean, {
    description: 'The viewer may approve requests, manage members and remove posts here.',
  })
  async viewerCanModerate(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<boolean> {
    const standing = await this.access.standing(ctx.loaders, ctx.viewer!.id, group.id);
    return !!standing && allows(standing, 'moderate');
  }

  @GuardedField()
  @ResolveField(() => GroupMembershipConnection, {
    description: 'Members, alphabetical. FORBIDDEN to non-members of a private group.',
  })
  async members(@Parent() group: GroupModel, @Context() ctx: RequestContext, @Args() args: ConnectionArgs) {
    const page = await this.memberships.members(ctx.viewer!.id, group.id, args.first, args.after);
    return mapConnection(page, (row): GroupMembershipModel => ({
      role: row.role,
      createdAt: row.created_at,
      userId: row.user_id,
      groupId: row.group_id,
    }));
  }

  @GuardedField()
  @ResolveField(() => [GroupJoinRequestModel], {
    description: 'Pending requests, oldest first. For owners, moderators and organisation admins.',
  })
  async joinRequests(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<GroupJoinRequestModel[]> {
    const rows = await this.memberships.joinRequests(ctx.viewer!.id, group.id);
    return rows.map((row) => ({ userId: row.user_id, createdAt: row.created_at }));
  }
}
