import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type NotificationTypeValue =
  | 'NEW_COMMENT'
  | 'JOIN_REQUEST'
  | 'JOIN_APPROVED'
  | 'NEW_ANSWER'
  | 'ANSWER_ACCEPTED'
  | 'EVENT_CANCELLED'
  | 'EVENT_PROMOTED'
  | 'EVENT_REMINDER'
  | 'ANNOUNCEMENT';

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') type!: NotificationTypeValue;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('uuid', { name: 'subject_id', nullable: true }) subjectId!: string | null;
  @Column('text') text!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt!: Date | null;
}
