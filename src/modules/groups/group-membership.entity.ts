import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { GroupRoleValue } from '../../access/group-policy';

@Entity('group_memberships')
export class GroupMembershipEntity {
  @PrimaryColumn('uuid', { name: 'group_id' }) groupId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: GroupRoleValue;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
