import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { UserModel } from '../users/user.model';
import { OrganizationEntity, OrganizationKindValue, OrganizationRoleValue } from './organization.entity';

export enum OrganizationKind {
  FEDERATION = 'FEDERATION',
  REGION = 'REGION',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'The federation at the root, its regional leagues, and the associations (clubs).',
});

export enum OrganizationRole {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'ADMIN administers the organisation and everything below it.',
});

@ObjectType('Organization', { description: 'The federation, a region or an association.' })
export class OrganizationModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'Unique, URL-friendly name.' }) slug!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKindValue;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() createdAt!: Date;
  parentId!: string | null;
}

export function toOrganizationModel(entity: OrganizationEntity): OrganizationModel {
  return {
    id: entity.id,
    name: entity.name,
    slug: entity.slug,
    kind: entity.kind,
    description: entity.description,
    createdAt: entity.createdAt,
    parentId: entity.parentId,
  };
}

@ObjectType('OrganizationMembership', { description: "A person's role in an organisation." })
export class OrganizationMembershipModel {
  @Field(() => OrganizationRole) role!: OrganizationRoleValue;
  @Field({ description: 'When the person joined.' }) createdAt!: Date;
  @Field(() => OrganizationModel) organization?: OrganizationModel;
  @Field(() => UserModel) user?: UserModel;
  organizationId!: string;
  userId!: string;
}

export const OrganizationConnection = ConnectionType(OrganizationModel, 'Organization');
export const OrganizationMembershipConnection = ConnectionType(OrganizationMembershipModel, 'OrganizationMembership');
