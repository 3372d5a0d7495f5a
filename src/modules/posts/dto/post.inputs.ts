import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

export const LIMITS = { postBody: 20_000, commentBody: 5_000 };

@InputType()
export class CreatePostInput {
  @Field(() => ID)
  @IsUUID()
  groupId!: string;

  @Field({ description: 'At most 20,000 characters.' })
  @IsNotBlank()
  @MaxLength(LIMITS.postBody)
  body!: string;
}

@ArgsType()
export class UpdatePostArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field()
  @IsNotBlank()
  @MaxLength(LIMITS.postBody)
  body!: string;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  @IsUUID()
  postId!: string;

  @Field({ description: 'At most 5,000 characters.' })
  @IsNotBlank()
  @MaxLength(LIMITS.commentBody)
  body!: string;
}

@ArgsType()
export class PostIdArgs {
  @Field(() => ID)
  @IsUUID()
  postId!: string;
}
