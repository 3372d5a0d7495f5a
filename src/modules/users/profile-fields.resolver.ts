import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationAccess } from '../../access/organization-access.service';
import { GuardedField } from '../../common/auth/access-rules';
import { RequestContext } from '../../common/graphql/request-context';
import { ProfileField, showsField } from '../../access/profile-policy';
import { ProfileVisibilityModel, UserModel } from './user.model';
import { UsersService } from './users.service';

/**
 * Directory consent (RGPD): an optional field is shown to others only when its owner allows it.
 * Email and phone are also shown to admins of the person's organisations (they run the membership).
 */
@Resolver(() => UserModel)
export class ProfileFieldsResolver {
  constructor(
    private readonly users: UsersService,
    private readonly access: OrganizationAccess,
  ) {}

  private shows(user: UserModel, ctx: RequestContext, field: ProfileField): boolean {
    return showsField(ctx.viewer?.id, user.id, user.visibility, field);
  }

  private async showsContact(user: UserModel, ctx: RequestContext, field: 'email' | 'phone'): Promise<boolean> {
    if (this.shows(user, ctx, field)) return true;
    return !!ctx.viewer && (await this.access.maySeeEmail(ctx.loaders, ctx.viewer.id, user.id));
  }

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description: 'Role in their association, e.g. "Trésorière". Null when not shared.',
  })
  jobTitle(@Parent() user: UserModel, @Context() ctx: RequestContext): string | null {
    return this.shows(user, ctx, 'jobTitle') ? user.profile.jobTitle : null;
  }

  @GuardedField()
  @ResolveField(() => String, { nullable: true, description: 'A few words about the person. Null when not shared.' })
  bio(@Parent() user: UserModel, @Context() ctx: RequestContext): string | null {
    return this.shows(user, ctx, 'bio') ? user.profile.bio : null;
  }

  @GuardedField()
  @ResolveField(() => [String], { description: 'What the person can help with. Empty when not shared.' })
  skills(@Parent() user: UserModel, @Context() ctx: RequestContext): string[] {
    return this.shows(user, ctx, 'skills') ? user.profile.skills : [];
  }

  @GuardedField()
  @ResolveField(() => [String], { description: 'What the person is interested in. Empty when not shared.' })
  interests(@Parent() user: UserModel, @Context() ctx: RequestContext): string[] {
    return this.shows(user, ctx, 'interests') ? user.profile.interests : [];
  }

  @GuardedField()
  @ResolveField(() => String, { nullable: true, description: 'Address of their picture. Null when not shared.' })
  avatarUrl(@Parent() user: UserModel, @Context() ctx: RequestContext): string | null {
    return this.shows(user, ctx, 'avatarUrl') ? user.profile.avatarUrl : null;
  }

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description: 'The person, admins of their organisations, and others if the person shares it.',
  })
  async phone(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.showsContact(user, ctx, 'phone')) ? user.profile.phone : null;
  }

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description: 'Visible to the person, to admins of their organisations, and to others only if the person shares it.',
  })
  async email(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<string | null> {
    if (!(await this.showsContact(user, ctx, 'email'))) return null;
    return (await this.users.load(ctx.loaders, user.id))?.email ?? null;
  }

  @GuardedField()
  @ResolveField(() => ProfileVisibilityModel, {
    nullable: true,
    description: 'The person’s own consent settings; null for anyone else.',
  })
  profileVisibility(@Parent() user: UserModel, @Context() ctx: RequestContext): ProfileVisibilityModel | null {
    return ctx.viewer?.id === user.id ? user.visibility : null;
  }
}
