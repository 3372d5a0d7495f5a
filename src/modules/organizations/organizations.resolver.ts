import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationAccess } from '../../access/organization-access.service';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import {
  CreateOrganizationInput,
  MemberArgs,
  MemberRoleArgs,
  MembersArgs,
  OrganizationsArgs,
} from './dto/organization.inputs';
import { InvitationModel, toInvitationModel } from './invitation.model';
import { InvitationsService } from './invitations.service';
import { OrganizationRoleValue } from './organization.entity';
import {
  OrganizationConnection,
  OrganizationMembershipConnection,
  OrganizationMembershipModel,
  OrganizationModel,
  OrganizationRole,
  toOrganizationModel,
} from './organization.model';
import { OrganizationsService } from './organizations.service';
import { toMembershipModel } from './memberships.resolver';

@Authenticated()
@Resolver(() => OrganizationModel)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly access: OrganizationAccess,
    private readonly invitations: InvitationsService,
  ) {}

  @Query(() => OrganizationModel, { nullable: true, description: 'An organisation, by id.' })
  async organization(
    @Args('id', { type: () => ID, description: 'The organisation.' }, UuidPipe) id: string,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.getById(id));
  }

  @Query(() => OrganizationConnection, { description: 'Organisations, alphabetical.' })
  async organizations(@Args() args: OrganizationsArgs) {
    return mapConnection(await this.service.list(args), toOrganizationModel);
  }

  @Mutation(() => OrganizationModel, {
    description: 'Creates a region or an association. For admins of the parent or an ancestor.',
  })
  async createOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new organisation.' }) input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.create(viewer.id, input));
  }

  @Mutation(() => OrganizationMembershipModel, {
    description: "Changes a member's role. The federation's last ADMIN cannot be demoted (CONFLICT).",
  })
  async setMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args() args: MemberRoleArgs,
  ): Promise<OrganizationMembershipModel> {
    return toMembershipModel(await this.service.setMemberRole(viewer.id, args.organizationId, args.userId, args.role));
  }

  @Mutation(() => Boolean, {
    description: "Removes a member. The federation's last ADMIN cannot be removed (CONFLICT).",
  })
  async removeMember(@CurrentViewer() viewer: Viewer, @Args() args: MemberArgs): Promise<boolean> {
    await this.service.removeMember(viewer.id, args.organizationId, args.userId);
    return true;
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, {
    nullable: true,
    description: 'The organisation above; null for the federation.',
  })
  async parent(
    @Parent() organization: OrganizationModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel | null> {
    if (!organization.parentId) return null;
    const parent = await this.service.load(ctx.loaders, organization.parentId);
    return parent && toOrganizationModel(parent);
  }

  @PublicField()
  @ResolveField(() => [OrganizationModel], { description: 'Direct sub-organisations, alphabetical.' })
  async children(
    @Parent() organization: OrganizationModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel[]> {
    return (await this.service.children(ctx.loaders, organization.id)).map(toOrganizationModel);
  }

  @PublicField()
  @ResolveField(() => Int, { description: 'Direct members.' })
  memberCount(@Parent() organization: OrganizationModel, @Context() ctx: RequestContext): Promise<number> {
    return this.service.memberCount(ctx.loaders, organization.id);
  }

  @PublicField()
  @ResolveField(() => OrganizationRole, {
    nullable: true,
    description: "The viewer's own role here; null when not a member.",
  })
  viewerRole(
    @Parent() organization: OrganizationModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationRoleValue | null> {
    return this.service.viewerRole(ctx.loaders, ctx.viewer!.id, organization.id);
  }

  @PublicField()
  @ResolveField(() => Boolean, {
    description: 'True when the viewer administers this organisation, directly or from above.',
  })
  viewerCanAdminister(@Parent() organization: OrganizationModel, @Context() ctx: RequestContext): Promise<boolean> {
    return this.access.mayAdminister(ctx.loaders, ctx.viewer!.id, organization.id);
  }

  @PublicField()
  @ResolveField(() => OrganizationMembershipConnection, {
    description: 'Direct members (with `includeBelow`, those of every organisation below too), alphabetical.',
  })
  async members(@Parent() organization: OrganizationModel, @Args() args: MembersArgs) {
    return mapConnection(
      await this.service.members(organization.id, args.first, args.after, args.search, args.includeBelow),
      toMembershipModel,
    );
  }

  @GuardedField()
  @ResolveField(() => [InvitationModel], {
    description:
      'Invitations not yet accepted, revoked or expired, newest first (at most 100). For admins of the organisation or an ancestor (FORBIDDEN otherwise).',
  })
  async pendingInvitations(
    @Parent() organization: OrganizationModel,
    @Context() ctx: RequestContext,
  ): Promise<InvitationModel[]> {
    await this.access.assertAdminister(ctx.viewer!.id, organization.id);
    return (await this.invitations.pending(organization.id)).map((invitation) => toInvitationModel(invitation, null));
  }
}
