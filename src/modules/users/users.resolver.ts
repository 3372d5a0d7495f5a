import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationAccess } from '../../access/organization-access.service';
import { Authenticated, GuardedField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotFoundError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { PeopleArgs } from './dto/people.args';
import { UpdateProfileInput } from './dto/update-profile.input';
import { toUserModel, UserConnection, UserModel } from './user.model';
import { UsersService } from './users.service';

@Authenticated()
@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly access: OrganizationAccess,
  ) {}

  @Query(() => UserModel, { description: 'The logged-in person.' })
  async me(@CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.users.getById(viewer.id));
  }

  @Query(() => UserModel, { nullable: true, description: 'A person, by id.' })
  async user(@Args('id', { type: () => ID }, UuidPipe) id: string, @Context() ctx: RequestContext): Promise<UserModel> {
    const user = await this.users.load(ctx.loaders, id);
    if (!user) throw new NotFoundError('User');
    return toUserModel(user);
  }

  @Query(() => UserConnection, { description: 'The directory of people, alphabetical.' })
  async people(@Args() args: PeopleArgs) {
    return mapConnection(await this.users.people(args), toUserModel);
  }

  @Mutation(() => UserModel, { description: "Changes the viewer's own profile." })
  async updateProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProfileInput): Promise<UserModel> {
    return toUserModel(await this.users.updateProfile(viewer.id, input));
  }

  @GuardedField()
  @ResolveField(() => String, {
    nullable: true,
    description: 'Visible only to the person and to admins of their organisations; null for anyone else.',
  })
  async email(@Parent() user: UserModel, @Context() ctx: RequestContext): Promise<string | null> {
    const viewer = ctx.viewer;
    if (!viewer || !(await this.access.maySeeEmail(ctx.loaders, viewer.id, user.id))) return null;
    return (await this.users.load(ctx.loaders, user.id))?.email ?? null;
  }
}
