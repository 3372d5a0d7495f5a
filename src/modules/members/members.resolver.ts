import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { DateScalar } from '../../common/graphql/date-scalar';
import { RequestContext } from '../../common/graphql/request-context';
import { mapConnection } from '../../common/pagination/connection';
import { toMembershipModel } from '../organizations/memberships.resolver';
import {
  OrganizationMembershipConnection,
  OrganizationMembershipModel,
  OrganizationModel,
  toOrganizationModel,
} from '../organizations/organization.model';
import {
  MemberFilterArgs,
  MembersQueryArgs,
  RecordDuesPaymentInput,
  SetMemberCategoriesArgs,
  UpdateOrganizationSettingsInput,
} from './dto/member.inputs';
import { DuesService } from './dues.service';
import { DuesStatusValue } from './dues-status';
import { DuesPaymentModel, DuesStatus, MemberCategory, MemberCategoryValue } from './members.model';
import { MembersService } from './members.service';

@Authenticated()
@Resolver()
export class MembersResolver {
  constructor(
    private readonly service: MembersService,
    private readonly dues: DuesService,
  ) {}

  @Query(() => OrganizationMembershipConnection, {
    description:
      'Members of an organisation matching a filter, alphabetical, with an exact `totalCount` (one entry per membership). For admins of the organisation or an ancestor (FORBIDDEN otherwise).',
  })
  async members(@CurrentViewer() viewer: Viewer, @Args() args: MembersQueryArgs) {
    return mapConnection(
      await this.service.list(viewer.id, args.organizationId, args.filter, args.first, args.after),
      toMembershipModel,
    );
  }

  @Query(() => Int, {
    description:
      'How many people a filter selects (a person in two organisations of the subtree counts once): the live count of a segment being built. For admins.',
  })
  countMembers(@CurrentViewer() viewer: Viewer, @Args() args: MemberFilterArgs): Promise<number> {
    return this.service.countPeople(viewer.id, args.organizationId, args.filter);
  }

  @Mutation(() => OrganizationMembershipModel, {
    description: "Sets a member's categories in an organisation. For admins of the organisation or an ancestor.",
  })
  async setMemberCategories(
    @CurrentViewer() viewer: Viewer,
    @Args() args: SetMemberCategoriesArgs,
  ): Promise<OrganizationMembershipModel> {
    return toMembershipModel(
      await this.service.setCategories(viewer.id, args.organizationId, args.userId, args.categories),
    );
  }

  @Mutation(() => DuesPaymentModel, {
    description:
      'Records a dues payment for a dated period. For admins. A negative amount, an end before the start or a period overlapping another payment of the member: BAD_USER_INPUT naming the field.',
  })
  async recordDuesPayment(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The payment.' }) input: RecordDuesPaymentInput,
  ): Promise<DuesPaymentModel> {
    return this.dues.record(viewer.id, input);
  }

  @Mutation(() => OrganizationModel, {
    description: "Changes an organisation's member settings (the dues grace period). For admins.",
  })
  async updateOrganizationSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The settings to change; absent ones stay.' }) input: UpdateOrganizationSettingsInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.service.updateSettings(viewer.id, input));
  }
}

/** Categories and dues on a membership: only for the person and admins of the organisation or above. */
@Resolver(() => OrganizationMembershipModel)
export class MembershipDuesResolver {
  constructor(
    private readonly members: MembersService,
    private readonly dues: DuesService,
  ) {}

  private async facts(membership: OrganizationMembershipModel, ctx: RequestContext) {
    if (!(await this.members.mayView(ctx.loaders, ctx.viewer!.id, membership.organizationId, membership.userId)))
      return null;
    return this.members.facts(ctx.loaders, membership.organizationId, membership.userId);
  }

  @GuardedField()
  @ResolveField(() => [MemberCategory], {
    nullable: true,
    description:
      'What the person is to the organisation (adhérent, bénévole…). Only for the person and admins of the organisation or above; null for anyone else.',
  })
  async categories(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<MemberCategoryValue[] | null> {
    return (await this.facts(membership, ctx))?.categories ?? null;
  }

  @GuardedField()
  @ResolveField(() => DuesStatus, {
    nullable: true,
    description:
      "Where the person stands with their dues today (computed from the periods paid and the organisation's grace period). Only for the person and admins; null for anyone else.",
  })
  async duesStatus(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<DuesStatusValue | null> {
    return (await this.facts(membership, ctx))?.duesStatus ?? null;
  }

  @GuardedField()
  @ResolveField(() => DateScalar, {
    nullable: true,
    description: 'The last day paid for; null if never paid, or for anyone but the person and admins.',
  })
  async duesPaidUntil(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<string | null> {
    return (await this.facts(membership, ctx))?.duesPaidUntil ?? null;
  }

  @GuardedField()
  @ResolveField(() => [DuesPaymentModel], {
    nullable: true,
    description: 'The dues payments, latest period first. Only for the person and admins; null for anyone else.',
  })
  async duesPayments(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<DuesPaymentModel[] | null> {
    if (!(await this.members.mayView(ctx.loaders, ctx.viewer!.id, membership.organizationId, membership.userId)))
      return null;
    return this.dues.payments(ctx.loaders, membership.organizationId, membership.userId);
  }
}

@Resolver(() => OrganizationModel)
export class OrganizationDuesResolver {
  constructor(private readonly members: MembersService) {}

  @PublicField()
  @ResolveField(() => Int, {
    description: 'Days after the last paid day during which dues are in GRACE (then LAPSED). Default 30.',
  })
  duesGraceDays(@Parent() organization: OrganizationModel, @Context() ctx: RequestContext): Promise<number> {
    return this.members.graceDays(ctx.loaders, organization.id);
  }
}
