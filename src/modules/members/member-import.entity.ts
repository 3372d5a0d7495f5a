import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MemberImportStatusValue = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** A CSV import applied by a background job, with its progress and report. */
@Entity('member_imports')
export class MemberImportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('uuid', { name: 'started_by', nullable: true }) startedBy!: string | null;
  @Column('text') status!: MemberImportStatusValue;
  /** Cleared once applied: it holds personal data. */
  @Column('text', { nullable: true }) csv!: string | null;
  @Column('int') total!: number;
  @Column('int') processed!: number;
  @Column('jsonb', { nullable: true }) report!: Record<string, unknown> | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
}
