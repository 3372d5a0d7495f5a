import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { OrganizationRoleValue } from './organization.entity';

@Entity('organization_memberships')
export class OrganizationMembershipEntity {
  @PrimaryColumn('uuid', { name: 'organization_id' }) organizationId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: OrganizationRoleValue;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
