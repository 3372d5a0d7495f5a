import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GroupRoleValue, GroupVisibilityValue } from '../../access/group-policy';
import { ConnectionType } from '../../common/pagination/connection';
import { UserModel } from '../users/user.model';
import { GroupEntity } from './group.entity';

export enum GroupVisibility {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
}
registerEnumType(GroupVisibility, {
  name: 'GroupVisibility',
  description:
    'PUBLIC: anyone logged in reads it and joins at once. PRIVATE: name and description are public; content and members only for members, who join on approval.',
});

export enum GroupRole {
  OWNER = 'OWNER',
  MODERATOR = 'MODERATOR',
  MEMBER = 'MEMBER',
}
registerEnumType(GroupRole, { name: 'GroupRole' });

@ObjectType('Group', { description: 'A topic group, a commission or a project group, owned by an organisation.' })
export class GroupModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GroupVisibility) visibility!: GroupVisibilityValue;
  @Field(() => [String]) topics!: string[];
  @Field() createdAt!: Date;
  organizationId!: string;
}

export function toGroupModel(entity: GroupEntity): GroupModel {
  return {
    id: entity.id,
    name: entity.name,
    slug: entity.slug,
    description: entity.description,
    visibility: entity.visibility,
    topics: entity.topics,
    createdAt: entity.createdAt,
    organizationId: entity.organizationId,
  };
}

@ObjectType('GroupMembership', { description: "A person's role in a group." })
export class GroupMembershipModel {
  @Field(() => GroupRole) role!: GroupRoleValue;
  @Field() createdAt!: Date;
  @Field(() => UserModel) user?: UserModel;
  userId!: string;
  groupId!: string;
}

@ObjectType('GroupJoinRequest', { description: 'Someone waiting to join a private group.' })
export class GroupJoinRequestModel {
  @Field(() => UserModel) user?: UserModel;
  @Field() createdAt!: Date;
  userId!: string;
}

export const GroupConnection = ConnectionType(GroupModel, 'Group');
export const GroupMembershipConnection = ConnectionType(GroupMembershipModel, 'GroupMembership');
