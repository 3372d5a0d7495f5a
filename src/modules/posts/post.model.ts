import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { CommentEntity } from './comment.entity';
import { PostEntity } from './post.entity';

@ObjectType('Post', { description: 'A message posted in a group.' })
export class PostModel {
  @Field(() => ID) id!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the author last changed the body.' }) editedAt!: Date | null;
  @Field(() => Int) commentCount!: number;
  @Field(() => Int) reactionCount!: number;
  groupId!: string;
  authorId!: string | null;
}

@ObjectType('Comment', { description: 'A comment on a post.' })
export class CommentModel {
  @Field(() => ID) id!: string;
  @Field() body!: string;
  @Field() createdAt!: Date;
  postId!: string;
  authorId!: string | null;
}

export const PostConnection = ConnectionType(PostModel, 'Post');
export const CommentConnection = ConnectionType(CommentModel, 'Comment');

export function toPostModel(entity: PostEntity): PostModel {
  return {
    id: entity.id,
    body: entity.body,
    createdAt: entity.createdAt,
    editedAt: entity.editedAt,
    commentCount: entity.commentCount,
    reactionCount: entity.reactionCount,
    groupId: entity.groupId,
    authorId: entity.authorId,
  };
}

export function toCommentModel(entity: CommentEntity): CommentModel {
  return {
    id: entity.id,
    body: entity.body,
    createdAt: entity.createdAt,
    postId: entity.postId,
    authorId: entity.authorId,
  };
}
