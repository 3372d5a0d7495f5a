import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

export const LIMITS = { postBody: 20_000, commentBody: 5_000 };

@InputType({ description: 'A new post.' })
export class CreatePostInput {
  @Field(() => ID, { description: 'The group to post in; the viewer must be a member.' })
  @IsUUID()
  groupId!: string;

  @Field({ description: 'The text, 1 to 20,000 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(LIMITS.postBody)
  body!: string;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Files to attach (at most 10): ids answered by POST /files, uploaded by the viewer and not attached yet.',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  fileIds?: string[];
}

@ArgsType()
export class UpdatePostArgs {
  @Field(() => ID, { description: 'The post to change (the viewer must be its author).' })
  @IsUUID()
  id!: string;

  @Field({ description: 'The new text, 1 to 20,000 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(LIMITS.postBody)
  body!: string;
}

@InputType({ description: 'A new comment.' })
export class AddCommentInput {
  @Field(() => ID, { description: 'The post to comment on; the viewer must be able to read it.' })
  @IsUUID()
  postId!: string;

  @Field({ description: 'The text, 1 to 5,000 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(LIMITS.commentBody)
  body!: string;
}

@ArgsType()
export class PostIdArgs {
  @Field(() => ID, { description: 'The post.' })
  @IsUUID()
  postId!: string;
}
