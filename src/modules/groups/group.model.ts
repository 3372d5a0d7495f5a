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
  valuesMap: {
    PUBLIC: { description: 'Content readable by every logged-in person; joining is immediate.' },
    PRIVATE: {
      description:
        "Content and member list for members (and the organisation's admins) only; joining needs a manager's approval.",
    },
  },
});

export enum GroupRole {
  OWNER = 'OWNER',
  MODERATOR = 'MODERATOR',
  MEMBER = 'MEMBER',
}
registerEnumType(GroupRole, {
  name: 'GroupRole',
  description: "A member's role in a group. The organisation's admins (and those above) also manage every group of it.",
  valuesMap: {
    OWNER: { description: 'Runs the group: settings, roles, members and moderation. A group keeps at least one.' },
    MODERATOR: { description: 'Handles join requests and members, and removes posts and comments.' },
    MEMBER: { description: 'Reads the content (of a private group too), posts, asks and answers.' },
  },
});

@ObjectType('Group', { description: 'A topic group, a commission or a project group, owned by an organisation.' })
export class GroupModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'Visible to everyone logged in, private groups included. At most 200 characters.' })
  name!: string;
  @Field({ description: 'URL-friendly name, unique across groups (e.g. "subventions-nationales").' }) slug!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What the group is about; visible to everyone, private groups included. At most 5,000 characters.',
  })
  description!: string | null;
  @Field(() => GroupVisibility, { description: 'Who may read its content and how one joins.' })
  visibility!: GroupVisibilityValue;
  @Field(() => [String], { description: 'Up to 10 topics of up to 40 characters, used by search.' }) topics!: string[];
  @Field({ description: 'When the group was created.' }) createdAt!: Date;
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
  @Field(() => GroupRole, { description: 'Their role in the group.' }) role!: GroupRoleValue;
  @Field({ description: 'When they joined the group.' }) createdAt!: Date;
  @Field(() => UserModel, { description: 'The member.' }) user?: UserModel;
  userId!: string;
  groupId!: string;
}

@ObjectType('GroupJoinRequest', { description: 'Someone waiting to join a private group.' })
export class GroupJoinRequestModel {
  @Field(() => UserModel, { description: 'Who asked to join.' }) user?: UserModel;
  @Field({ description: 'When they asked.' }) createdAt!: Date;
  userId!: string;
}

export const GroupConnection = ConnectionType(GroupModel, 'Group');
export const GroupMembershipConnection = ConnectionType(GroupMembershipModel, 'GroupMembership');
