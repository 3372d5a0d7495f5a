import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { GroupModel, toGroupModel } from '../groups/group.model';
import { GroupsService } from '../groups/groups.service';
import { OrganizationModel, toOrganizationModel } from '../organizations/organization.model';
import { OrganizationsService } from '../organizations/organizations.service';
import { PostIdArgs } from '../posts/dto/post.inputs';
import { PostModel, toPostModel } from '../posts/post.model';
import { CommissionModel, PublicationStatus, PublicationStatusValue, toCommissionModel } from './commission.model';
import { CommissionPublicationsService } from './commission-publications.service';
import { CommissionsService } from './commissions.service';
import { CommissionsArgs, CreateCommissionInput } from './dto/commission.inputs';

@Authenticated()
@Resolver(() => CommissionModel)
export class CommissionsResolver {
  constructor(
    private readonly service: CommissionsService,
    private readonly publications: CommissionPublicationsService,
    private readonly groups: GroupsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Query(() => CommissionModel, {
    nullable: true,
    description: "A commission. Its name and description are visible to all; its groups' content follows their access.",
  })
  async commission(
    @Args('id', { type: () => ID, description: 'The commission.' }, UuidPipe) id: string,
  ): Promise<CommissionModel> {
    return toCommissionModel(await this.service.getById(id));
  }

  @Query(() => [CommissionModel], { description: "An organisation's commissions, oldest first." })
  async commissions(@Args() { organizationId }: CommissionsArgs): Promise<CommissionModel[]> {
    return (await this.service.listByOrganization(organizationId)).map(toCommissionModel);
  }

  @Mutation(() => CommissionModel, {
    description:
      'Creates a commission: a PRIVATE working group and a PUBLIC showcase group, linked, in one step; the creator owns both. Admins of the organisation (or of one above) only.',
  })
  async createCommission(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new commission.' }) input: CreateCommissionInput,
  ): Promise<CommissionModel> {
    return toCommissionModel(await this.service.create(viewer.id, input));
  }

  @Mutation(() => PostModel, {
    description:
      "Proposes a post of a commission's working group for publication (PROPOSED). Members of the working group; idempotent.",
  })
  async proposePublication(@CurrentViewer() viewer: Viewer, @Args() { postId }: PostIdArgs): Promise<PostModel> {
    return toPostModel(await this.publications.propose(viewer.id, postId));
  }

  @Mutation(() => PostModel, {
    description:
      "Publishes a working post to the commission's showcase and returns the copy: the body only (never comments or reactions), signed by the commission, with no author. Owners and moderators of the working group (and organisation admins); CONFLICT when already published.",
  })
  async publishToShowcase(@CurrentViewer() viewer: Viewer, @Args() { postId }: PostIdArgs): Promise<PostModel> {
    return toPostModel(await this.publications.publish(viewer.id, postId));
  }

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation it belongs to.' })
  async organization(
    @Parent() commission: CommissionModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel> {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, commission.organizationId))!);
  }

  @PublicField()
  @ResolveField(() => GroupModel, { description: 'The PRIVATE group where its members work.' })
  async workingGroup(@Parent() commission: CommissionModel, @Context() ctx: RequestContext): Promise<GroupModel> {
    return toGroupModel((await this.groups.load(ctx.loaders, commission.workingGroupId))!);
  }

  @PublicField()
  @ResolveField(() => GroupModel, { description: 'The PUBLIC group where it publishes.' })
  async showcaseGroup(@Parent() commission: CommissionModel, @Context() ctx: RequestContext): Promise<GroupModel> {
    return toGroupModel((await this.groups.load(ctx.loaders, commission.showcaseGroupId))!);
  }
}

/** `Group.commission`, `Post.publicationStatus` and `Post.publishedBy`, declared here so groups and posts do not depend on commissions. */
@Resolver(() => GroupModel)
export class GroupCommissionResolver {
  constructor(private readonly commissions: CommissionsService) {}

  @PublicField()
  @ResolveField(() => CommissionModel, {
    nullable: true,
    description: 'The commission this group is the working group or the showcase of; null for any other group.',
  })
  async commission(@Parent() group: GroupModel, @Context() ctx: RequestContext): Promise<CommissionModel | null> {
    const commission = await this.commissions.loadByGroup(ctx.loaders, group.id);
    return commission && toCommissionModel(commission);
  }
}

@Resolver(() => PostModel)
export class PostPublicationResolver {
  constructor(
    private readonly commissions: CommissionsService,
    private readonly publications: CommissionPublicationsService,
  ) {}

  @PublicField()
  @ResolveField(() => PublicationStatus, {
    nullable: true,
    description: "For a post of a commission's working group: PROPOSED or PUBLISHED; null otherwise.",
  })
  publicationStatus(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<PublicationStatusValue | null> {
    return this.publications.status(ctx.loaders, post.id);
  }

  @PublicField()
  @ResolveField(() => CommissionModel, {
    nullable: true,
    description:
      "For a copy in a commission's showcase: the commission that published it (shown as its author; `author` is null). Null otherwise.",
  })
  async publishedBy(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<CommissionModel | null> {
    const commissionId = await this.publications.publisher(ctx.loaders, post.id);
    const commission = commissionId && (await this.commissions.load(ctx.loaders, commissionId));
    return commission ? toCommissionModel(commission) : null;
  }
}
