import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A saved member filter of an organisation. */
@Entity('segments')
export class SegmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('text') name!: string;
  /** A `MemberFilter` (see member-filter.sql.ts), read back through `savedFilter`. */
  @Column('jsonb') filter!: Record<string, unknown>;
  /** The key of a built-in segment; NULL for one an admin saved. */
  @Column('text', { name: 'built_in', nullable: true }) builtIn!: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
