import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person asked to answer one question: at most one row per (question, person). */
@Entity('question_routings')
export class QuestionRoutingEntity {
  @PrimaryColumn('uuid', { name: 'question_id' }) questionId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  /** 1: asked when the question was; 2: asked when it was still unanswered after the delay. */
  @Column('int') wave!: number;
  /** Place in its wave's ranking, 1 being the best. */
  @Column('int') rank!: number;
  @Column('text', { array: true }) reasons!: string[];
  @Column('timestamptz', { name: 'routed_at' }) routedAt!: Date;
  /** "Pas mon domaine": out of their inbox, and no longer counted as pending for them. */
  @Column('timestamptz', { name: 'declined_at', nullable: true }) declinedAt!: Date | null;
}
