import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { QuestionStatus } from '../question.model';

export enum AnswerOrder {
  VOTES = 'VOTES',
  NEWEST = 'NEWEST',
}
registerEnumType(AnswerOrder, { name: 'AnswerOrder', description: 'The accepted answer always comes first.' });

@InputType()
export class AskQuestionInput {
  @Field(() => ID)
  @IsUUID()
  groupId!: string;

  @Field({ description: 'At most 200 characters.' })
  @IsNotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ description: 'At most 20,000 characters.' })
  @IsNotBlank()
  @MaxLength(20_000)
  body!: string;

  @Field(() => [String], { nullable: true, description: 'At most 10 tags of at most 40 characters.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsNotBlank({ each: true })
  @MaxLength(40, { each: true })
  tags?: string[];
}

@InputType()
export class AnswerQuestionInput {
  @Field(() => ID)
  @IsUUID()
  questionId!: string;

  @Field({ description: 'At most 20,000 characters.' })
  @IsNotBlank()
  @MaxLength(20_000)
  body!: string;
}

@ArgsType()
export class VoteAnswerArgs {
  @Field(() => ID)
  @IsUUID()
  answerId!: string;

  @Field(() => Int, { description: '1 up, -1 down, 0 takes the vote back.' })
  @IsInt()
  @IsIn([-1, 0, 1], { message: 'must be -1, 0 or 1' })
  value!: number;
}

@ArgsType()
export class QuestionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'One group; all readable groups when omitted.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @Field(() => QuestionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(QuestionStatus)
  status?: QuestionStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;
}

@ArgsType()
export class AnswersArgs extends ConnectionArgs {
  @Field(() => AnswerOrder, { defaultValue: AnswerOrder.VOTES })
  @IsEnum(AnswerOrder)
  orderBy: AnswerOrder = AnswerOrder.VOTES;
}

@ArgsType()
export class SimilarQuestionsArgs {
  @Field({ description: 'The title (and body) being written.' })
  @IsNotBlank()
  @MaxLength(1000)
  text!: string;

  @Field(() => Int, { defaultValue: 5 })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], {
    message: 'must be between 1 and 20',
  })
  first: number = 5;
}
