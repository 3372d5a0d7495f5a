import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Authenticated } from '../../common/auth/access-rules';
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
  constructor(private readonly users: UsersService) {}

  @Query(() => UserModel, { description: 'The logged-in person.' })
  async me(@CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.users.getById(viewer.id));
  }

  @Query(() => UserModel, { nullable: true, description: 'A person, by id.' })
  async user(
    @Args('id', { type: () => ID, description: 'The person.' }, UuidPipe) id: string,
    @Context() ctx: RequestContext,
  ): Promise<UserModel> {
    const user = await this.users.load(ctx.loaders, id);
    if (!user) throw new NotFoundError('User');
    return toUserModel(user);
  }

  @Query(() => UserConnection, { description: 'The directory of people, alphabetical.' })
  async people(@Args() args: PeopleArgs) {
    return mapConnection(await this.users.people(args), toUserModel);
  }

  @Mutation(() => UserModel, { description: "Changes the viewer's own profile." })
  async updateProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The fields to change.' }) input: UpdateProfileInput,
  ): Promise<UserModel> {
    return toUserModel(await this.users.updateProfile(viewer.id, input));
  }
}
