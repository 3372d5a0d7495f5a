import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type RsvpStatusValue = 'GOING' | 'WAITLISTED' | 'NOT_GOING';

@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'group_id' }) groupId!: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @Column('text') title!: string;
  @Column('text') description!: string;
  @Column('timestamptz', { name: 'starts_at' }) startsAt!: Date;
  @Column('timestamptz', { name: 'ends_at' }) endsAt!: Date;
  @Column('text', { nullable: true }) location!: string | null;
  @Column('text', { name: 'online_url', nullable: true }) onlineUrl!: string | null;
  @Column('int', { nullable: true }) capacity!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
}

@Entity('event_rsvps')
export class EventRsvpEntity {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') status!: RsvpStatusValue;
  @Column('bigint') seq!: string;
  @Column('timestamptz', { name: 'responded_at' }) respondedAt!: Date;
}
