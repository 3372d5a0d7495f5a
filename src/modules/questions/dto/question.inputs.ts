import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { QuestionStatus } from '../question.model';

export enum AnswerOrder {
  VOTES = 'VOTES',
  NEWEST = 'NEWEST',
}
registerEnumType(AnswerOrder, {
  name: 'AnswerOrder',
  description: 'The accepted answer always comes first.',
  valuesMap: {
    VOTES: { description: 'Then the best scored first (ties: newest first).' },
    NEWEST: { description: 'Then the most recent first.' },
  },
});

@InputType({ description: 'A new question.' })
export class AskQuestionInput {
  @Field(() => ID, { description: 'The group to ask in; the viewer must be a member.' })
  @IsUUID()
  groupId!: string;

  @Field({ description: 'The question, 1 to 200 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ description: 'Details, 1 to 20,000 characters (not blank).' })
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

@InputType({ description: 'A new answer.' })
export class AnswerQuestionInput {
  @Field(() => ID, { description: 'The question; the viewer must be able to read it.' })
  @IsUUID()
  questionId!: string;

  @Field({ description: 'The answer, 1 to 20,000 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(20_000)
  body!: string;
}

@ArgsType()
export class VoteAnswerArgs {
  @Field(() => ID, { description: 'The answer to vote on (one vote per person).' })
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

  @Field(() => QuestionStatus, { nullable: true, description: 'Only OPEN or only ANSWERED questions.' })
  @IsOptional()
  @IsEnum(QuestionStatus)
  status?: QuestionStatus;

  @Field(() => String, { nullable: true, description: 'Only questions with this tag (case and accents ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  tag?: string;
}

@ArgsType()
export class AnswersArgs extends ConnectionArgs {
  @Field(() => AnswerOrder, {
    defaultValue: AnswerOrder.VOTES,
    description: 'After the accepted answer: by votes or newest.',
  })
  @IsEnum(AnswerOrder)
  orderBy: AnswerOrder = AnswerOrder.VOTES;
}

@ArgsType()
export class SimilarQuestionsArgs {
  @Field({ description: 'The title (and body) being written.' })
  @IsNotBlank()
  @MaxLength(1000)
  text!: string;

  @Field(() => Int, { defaultValue: 5, description: 'How many questions at most, 1 to 20.' })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], {
    message: 'must be between 1 and 20',
  })
  first: number = 5;
}
