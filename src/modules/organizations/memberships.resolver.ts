import { OrganizationAccess } from '../../access/organization-access.service';
import { GuardedField, PublicField } from '../../common/auth/access-rules';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../../common/graphql/request-context';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { OrganizationMembershipEntity } from './organization-membership.entity';
import { OrganizationMembershipModel, OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationsService } from './organizations.service';

export function toMembershipModel(entity: OrganizationMembershipEntity): OrganizationMembershipModel {
  return {
    organizationId: entity.organizationId,
    userId: entity.userId,
    role: entity.role,
    createdAt: entity.createdAt,
  };
}

@Resolver(() => OrganizationMembershipModel)
export class MembershipsResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly access: OrganizationAccess,
  ) {}

  @PublicField()
  @ResolveField(() => OrganizationModel, { description: 'The organisation.' })
  async organization(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<OrganizationModel> {
    return toOrganizationModel((await this.organizations.load(ctx.loaders, membership.organizationId))!);
  }

  @PublicField()
  @ResolveField(() => UserModel, { description: 'The person.' })
  async user(@Parent() membership: OrganizationMembershipModel, @Context() ctx: RequestContext): Promise<UserModel> {
    return toUserModel((await this.users.load(ctx.loaders, membership.userId))!);
  }

  @GuardedField()
  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      "The person's account is deactivated (they cannot log in). Only for admins of the organisation or above; null for anyone else.",
  })
  async accountDeactivated(
    @Parent() membership: OrganizationMembershipModel,
    @Context() ctx: RequestContext,
  ): Promise<boolean | null> {
    if (!(await this.access.mayAdminister(ctx.loaders, ctx.viewer!.id, membership.organizationId))) return null;
    const user = await this.users.load(ctx.loaders, membership.userId);
    return Boolean(user?.deactivatedAt);
  }
}

/** `User.memberships`, declared here so the users module does not depend on organisations. */
@Resolver(() => UserModel)
export class UserMembershipsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @PublicField()
  @ResolveField(() => [OrganizationMembershipModel], { description: "The person's organisations and roles." })
  async memberships(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<OrganizationMembershipModel[]> {
    return (await this.organizations.membershipsOfUser(ctx.loaders, user.id)).map(toMembershipModel);
  }
}
