import { Inject } from '@nestjs/common';
import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GuardedField, PublicField } from '../../common/auth/access-rules';
import { RequestContext } from '../../common/graphql/request-context';
import { mapConnection } from '../../common/pagination/connection';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { GroupModel } from '../groups/group.model';
import { PostModel } from '../posts/post.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { DocumentsArgs, FileConnection, FileModel, toFileModel } from './file.model';
import { FileLinks } from './file-links.service';
import { FilesService } from './files.service';

@Resolver(() => FileModel)
export class FileResolver {
  constructor(
    private readonly links: FileLinks,
    private readonly users: UsersService,
  ) {}

  @PublicField()
  @ResolveField(() => String, {
    description:
      'Where to download it: a link for the viewer alone, valid about an hour (read it again for a fresh one). Access is checked again on download.',
  })
  url(@Parent() file: FileModel, @Context() ctx: RequestContext): string {
    return this.links.url(file, ctx.viewer!.id);
  }

  @PublicField()
  @ResolveField(() => String, { nullable: true, description: 'A small WebP preview, for images; null otherwise.' })
  thumbnailUrl(@Parent() file: FileModel, @Context() ctx: RequestContext): string | null {
    return file.hasThumbnail ? this.links.thumbnailUrl(file, ctx.viewer!.id) : null;
  }

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who uploaded it; null once they erased their account.',
  })
  async uploadedBy(@Parent() file: FileModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = file.uploaderId ? await this.users.load(ctx.loaders, file.uploaderId) : null;
    return user && toUserModel(user);
  }
}

/** `Post.files`, declared here so posts do not depend on files. */
@Resolver(() => PostModel)
export class PostFilesResolver {
  constructor(private readonly filesService: FilesService) {}

  @PublicField()
  @ResolveField(() => [FileModel], { description: 'Its attachments, in the order they were attached.' })
  async files(@Parent() post: PostModel, @Context() ctx: RequestContext): Promise<FileModel[]> {
    return (await this.filesService.loadForPost(ctx.loaders, post.id)).map(toFileModel);
  }
}

/** `Group.documents`. */
@Resolver(() => GroupModel)
export class GroupDocumentsResolver {
  constructor(
    private readonly files: FilesService,
    @Inject(RUNTIME_CONFIG) readonly config: RuntimeConfig,
  ) {}

  @GuardedField()
  @ResolveField(() => FileConnection, {
    description: "The files of the group's posts, newest first. FORBIDDEN to non-members of a private group.",
  })
  async documents(@Parent() group: GroupModel, @Context() ctx: RequestContext, @Args() args: DocumentsArgs) {
    return mapConnection(
      await this.files.documents(ctx.viewer!.id, group.id, args.search, args.first, args.after),
      toFileModel,
    );
  }
}
