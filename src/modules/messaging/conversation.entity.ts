import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ConversationKindValue = 'DIRECT' | 'GROUP';

@Entity('conversations')
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') kind!: ConversationKindValue;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { name: 'direct_key', nullable: true }) directKey!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @Column('bigint', { name: 'last_seq' }) lastSeq!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** Moves with every message: the order of `conversations`. */
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
