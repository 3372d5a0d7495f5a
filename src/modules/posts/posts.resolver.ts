import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { NotFoundError } from '../../common/errors/app-error';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { GroupModel, toGroupModel } from '../groups/group.model';
import { GroupsService } from '../groups/groups.service';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { CommentsService } from './comments.service';
import { AddCommentInput, CreatePostInput, PostIdArgs, UpdatePostArgs } from './dto/post.inputs';
import { CommentConnection, CommentModel, PostConnection, PostModel, toCommentModel, toPostModel } from './post.model';
import { PostsService } from './posts.service';

@Authenticated()
@Resolver(() => PostModel)
export class PostsResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly commentsService: CommentsService,
    private readonly groups: GroupsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => PostModel, {
    nullable: true,
    description: 'A post; NOT_FOUND when deleted or not readable by the viewer.',
  })
  async post(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The post.' }, UuidPipe) id: string,
  ): Promise<PostModel> {
    return toPostModel((await this.posts.readable(viewer.id, id)).post);
  }

  @Query(() => PostConnection, {
    description:
      'Newest first: posts of the groups the viewer is a member of or follows, and of the groups of organisations they follow.',
  })
  async feed(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs, @Context() ctx: RequestContext) {
    return mapConnection(await this.posts.feed(viewer.id, args.first, args.after, ctx.loaders), toPostModel);
  }

  @RateLimit('createPost')
  @Mutation(() => PostModel, { description: 'Posts in a group. Members only.' })
  async createPost(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new post.' }) input: CreatePostInput,
  ): Promise<PostModel> {
    return toPostModel(await this.posts.create(viewer.id, input.groupId, input.body, input.fileIds));
  }

  @Mutation(() => PostModel, { description: "Changes a post's body. The author only; sets editedAt." })
  async updatePost(@CurrentViewer() viewer: Viewer, @Args() args: UpdatePostArgs): Promise<PostModel> {
    return toPostModel(await this.posts.update(viewer.id, args.id, args.body));
  }

  @Mutation(() => Boolean, {
    description: "Deletes a post. The author, or the group's owners, moderators and organisation admins.",
  })
  async deletePost(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The post to delete.' }, UuidPipe) id: string,
  ): Promise<boolean> {
    await this.posts.delete(viewer.id, id);
    return true;
  }

  @Mutation(() => CommentModel, { description: 'Comments on a post the viewer may read. The post author is notified.' })
  async addComment(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The new comment.' }) input: AddCommentInput,
  ): Promise<CommentModel> {
    return toCommentModel(await this.commentsService.add(viewer.id, input.postId, input.body));
  }

  @Mutation(() => Boolean, {
    description: "Deletes a comment. Its author, or the group's owners, moderators and organisation admins.",
  })
  async deleteComment(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The comment to delete.' }, UuidPipe) id: string,
  ): Promise<boolean> {
    await this.commentsService.delete(viewer.id, id);
    return true;
  }

  @Mutation(() => PostModel, {
    description: 'Reacts to a post: one reaction per person, so reacting twice changes nothing.',
  })
  async react(@CurrentViewer() viewer: Viewer, @Args() { postId }: PostIdArgs): Promise<PostModel> {
    return toPostModel(await this.posts.react(viewer.id, postId));
  }

  @Mutation(() => PostModel, { description: "Takes the viewer's reaction back; idempotent." })
  async unreact(@CurrentViewer() viewer: Viewer, @Args() { postId }: PostIdArgs): Promise<PostModel> {
    return toPostModel(await this.posts.unreact(viewer.id, postId));
  }

  @PublicField()
  @ResolveField(() => GroupModel, { description: 'The group it was posted in.' })
  async group(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<GroupModel> {
    return toGroupModel((await this.groups.load(ctx.loaders, post.groupId))!);
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who posted it; "Ancien membre" once they erased their account.',
  })
  async author(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = post.authorId ? await this.users.load(ctx.loaders, post.authorId) : null;
    return user && toUserModel(user);
  }

  @PublicField()
  @ResolveField(() => Boolean, { description: 'The viewer reacted to this post.' })
  viewerHasReacted(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<boolean> {
    return this.posts.hasReacted(ctx.loaders, ctx.viewer!.id, post.id);
  }

  /** Checked again here (batched): a field must never trust the path that led to its parent. */
  @GuardedField()
  @ResolveField(() => CommentConnection, { description: 'Oldest first.' })
  async comments(@Parent() post: PostModel, @Context() ctx: RequestContext, @Args() args: ConnectionArgs) {
    if (!(await this.posts.loadReadable(ctx.loaders, ctx.viewer!.id, post.id))) throw new NotFoundError('Post');
    return mapConnection(await this.commentsService.list(post.id, args.first, args.after), toCommentModel);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly posts: PostsService,
    private readonly users: UsersService,
  ) {}

  @GuardedField()
  @ResolveField(() => PostModel, { description: 'The post it comments on (checked readable again).' })
  async post(@Parent() comment: CommentModel, @Context() ctx: RequestContext): Promise<PostModel> {
    const post = await this.posts.loadReadable(ctx.loaders, ctx.viewer!.id, comment.postId);
    if (!post) throw new NotFoundError('Post');
    return toPostModel(post);
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who wrote it; "Ancien membre" once they erased their account.',
  })
  async author(@Parent() comment: CommentModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = comment.authorId ? await this.users.load(ctx.loaders, comment.authorId) : null;
    return user && toUserModel(user);
  }
}

/** `Group.posts`, declared here so the groups module does not depend on posts. */
@Resolver(() => GroupModel)
export class GroupPostsResolver {
  constructor(private readonly postsService: PostsService) {}

  @GuardedField()
  @ResolveField(() => PostConnection, { description: 'Newest first. FORBIDDEN to non-members of a private group.' })
  async posts(@Parent() group: GroupModel, @Context() ctx: RequestContext, @Args() args: ConnectionArgs) {
    return mapConnection(
      await this.postsService.listByGroup(ctx.viewer!.id, group.id, args.first, args.after),
      toPostModel,
    );
  }
}
