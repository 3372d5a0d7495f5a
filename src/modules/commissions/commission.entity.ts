import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A commission: a PRIVATE working group and a PUBLIC showcase group of one organisation, linked. */
@Entity('commissions')
export class CommissionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('uuid', { name: 'working_group_id' }) workingGroupId!: string;
  @Column('uuid', { name: 'showcase_group_id' }) showcaseGroupId!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** A working post proposed for publication, and its copy in the showcase once published. */
@Entity('commission_publications')
export class CommissionPublicationEntity {
  @PrimaryColumn('uuid', { name: 'post_id' }) postId!: string;
  @Column('uuid', { name: 'commission_id' }) commissionId!: string;
  @Column('uuid', { name: 'proposed_by', nullable: true }) proposedBy!: string | null;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy!: string | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('uuid', { name: 'copy_post_id', nullable: true }) copyPostId!: string | null;
}
