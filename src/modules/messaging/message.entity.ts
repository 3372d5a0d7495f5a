import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('messages')
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'conversation_id' }) conversationId!: string;
  /** Position in the conversation, assigned in the sending transaction: the one order everybody sees. */
  @Column('bigint') seq!: string;
  @Column('uuid', { name: 'sender_id', nullable: true }) senderId!: string | null;
  @Column('text') body!: string;
  @Column('text', { name: 'client_id' }) clientId!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
