import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { AnswerEntity } from './answer.entity';
import { QuestionEntity, QuestionStatusValue } from './question.entity';

export enum QuestionStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}
registerEnumType(QuestionStatus, { name: 'QuestionStatus', description: 'ANSWERED once an answer is accepted.' });

@ObjectType('Question', { description: 'A question asked in a group.' })
export class QuestionModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() body!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => QuestionStatus) status!: QuestionStatusValue;
  @Field() createdAt!: Date;
  @Field(() => Int) answerCount!: number;
  groupId!: string;
  authorId!: string | null;
  acceptedAnswerId!: string | null;
}

@ObjectType('Answer', { description: 'An answer to a question.' })
export class AnswerModel {
  @Field(() => ID) id!: string;
  @Field() body!: string;
  @Field(() => Int, { description: 'Up votes minus down votes.' }) score!: number;
  @Field() createdAt!: Date;
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
