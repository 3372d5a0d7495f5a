import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type QuestionStatusValue = 'OPEN' | 'ANSWERED';

@Entity('questions')
export class QuestionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'group_id' }) groupId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('text') title!: string;
  @Column('text') body!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') status!: QuestionStatusValue;
  @Column('uuid', { name: 'accepted_answer_id', nullable: true }) acceptedAnswerId!: string | null;
  @Column('int', { name: 'answer_count' }) answerCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'edited_at', nullable: true }) editedAt!: Date | null;
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
}
