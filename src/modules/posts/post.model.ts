import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { CommentEntity } from './comment.entity';
import { PostEntity } from './post.entity';

@ObjectType('Post', { description: 'A message posted in a group.' })
export class PostModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The text, as written (plain text, up to 20,000 characters).' }) body!: string;
  @Field({ description: 'When it was posted.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the author last changed the body.' }) editedAt!: Date | null;
  @Field(() => Int, { description: 'How many comments it has (deleted ones not counted).' }) commentCount!: number;
  @Field(() => Int, { description: 'How many people reacted.' }) reactionCount!: number;
  groupId!: string;
  authorId!: string | null;
}

@ObjectType('Comment', { description: 'A comment on a post.' })
export class CommentModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The text, as written (plain text, up to 5,000 characters).' }) body!: string;
  @Field({ description: 'When it was written.' }) createdAt!: Date;
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
