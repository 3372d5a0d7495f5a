import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganizationKindValue = 'FEDERATION' | 'REGION' | 'ASSOCIATION';
export type OrganizationRoleValue = 'ADMIN' | 'STAFF' | 'MEMBER';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @Column('text') kind!: OrganizationKindValue;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  /** Root first. Organisations never move, so this is fixed at creation and makes "admin of an ancestor" one index lookup. */
  @Column('uuid', { name: 'ancestor_ids', array: true }) ancestorIds!: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
