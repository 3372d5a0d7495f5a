import { Field, Int, ObjectType } from '@nestjs/graphql';
import { QuestionRoutingEntity } from './question-routing.entity';

@ObjectType('QuestionRouting', {
  description: 'One person asked to answer a question: who, when, in which wave and why.',
})
export class QuestionRoutingModel {
  @Field({ description: 'When they were asked.' }) routedAt!: Date;
  @Field(() => Int, {
    description: '1: asked when the question was asked; 2: asked because it was still unanswered after the delay.',
  })
  wave!: number;
  @Field(() => [String], {
    description:
      'Why them, strongest first, each `KIND:detail`: `ACCEPTED_ANSWERS:<tag>` (accepted answers on questions with that tag), `SKILL:<skill>` (a skill of their profile matching its tags or words), `REGION:<region>` (same region as the asker).',
  })
  reasons!: string[];
  @Field(() => Date, { nullable: true, description: 'When they answered "pas mon domaine"; null otherwise.' })
  declinedAt!: Date | null;
  userId!: string;
  questionId!: string;
}

export function toQuestionRoutingModel(entity: QuestionRoutingEntity): QuestionRoutingModel {
  return {
    routedAt: entity.routedAt,
    wave: entity.wave,
    reasons: entity.reasons,
    declinedAt: entity.declinedAt,
    userId: entity.userId,
    questionId: entity.questionId,
  };
}
