import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity, QuestionStatusValue } from './question.entity';

export enum QuestionStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}
registerEnumType(QuestionStatus, {
  name: 'QuestionStatus',
  description: 'ANSWERED once an answer is accepted.',
  valuesMap: {
    OPEN: { description: 'No answer accepted yet (there may be answers).' },
    ANSWERED: { description: 'The asker or a moderator accepted an answer.' },
  },
});

@ObjectType('Question', { description: 'A question asked in a group.' })
export class QuestionModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The question itself, up to 200 characters.' }) title!: string;
  @Field({ description: 'Details, plain text up to 20,000 characters.' }) body!: string;
  @Field(() => [String], { description: 'Up to 10 tags of up to 40 characters, as the asker wrote them.' })
  tags!: string[];
  @Field(() => QuestionStatus, { description: 'OPEN, or ANSWERED once an answer is accepted.' })
  status!: QuestionStatusValue;
  @Field({ description: 'When it was asked.' }) createdAt!: Date;
  @Field(() => Int, { description: 'How many answers it has.' }) answerCount!: number;
  groupId!: string;
  authorId!: string | null;
  acceptedAnswerId!: string | null;
}

@ObjectType('Answer', { description: 'An answer to a question.' })
export class AnswerModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'The answer, plain text up to 20,000 characters.' }) body!: string;
  @Field(() => Int, { description: 'Up votes minus down votes.' }) score!: number;
  @Field({ description: 'When it was written.' }) createdAt!: Date;
  questionId!: string;
  authorId!: string | null;
}

export const QuestionConnection = ConnectionType(QuestionModel, 'Question');
export const AnswerConnection = ConnectionType(AnswerModel, 'Answer');

export function toQuestionModel(entity: QuestionEntity): QuestionModel {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    tags: entity.tags,
    status: entity.status,
    createdAt: entity.createdAt,
    answerCount: entity.answerCount,
    groupId: entity.groupId,
    authorId: entity.authorId,
    acceptedAnswerId: entity.acceptedAnswerId,
  };
}

export function toAnswerModel(entity: AnswerEntity): AnswerModel {
  return {
    id: entity.id,
    body: entity.body,
    score: entity.score,
    createdAt: entity.createdAt,
    questionId: entity.questionId,
    authorId: entity.authorId,
  };
}
