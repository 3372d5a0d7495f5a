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
  valuesMap: {
    FEDERATION: { description: 'The root: there is exactly one.' },
    REGION: { description: 'A regional league, under the federation.' },
    ASSOCIATION: { description: 'A club or association, under a region or directly under the federation.' },
  },
});

export enum OrganizationRole {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganizationRole, {
  name: 'OrganizationRole',
  description: 'ADMIN administers the organisation and everything below it.',
  valuesMap: {
    ADMIN: {
      description:
        'Invites, removes and sets roles; administers the organisations below and moderates their groups; sees members’ e-mail.',
    },
    STAFF: { description: 'Works for the organisation (e.g. a salaried officer); no administration rights.' },
    MEMBER: { description: 'A member of the organisation.' },
  },
});

@ObjectType('Organization', { description: 'The federation, a region or an association.' })
export class OrganizationModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'Its name, up to 200 characters.' }) name!: string;
  @Field({ description: 'Unique, URL-friendly name.' }) slug!: string;
  @Field(() => OrganizationKind, { description: 'FEDERATION, REGION or ASSOCIATION.' }) kind!: OrganizationKindValue;
  @Field(() => String, { nullable: true, description: 'What it is, up to 5,000 characters.' })
  description!: string | null;
  @Field({ description: 'When it was created in Maillage.' }) createdAt!: Date;
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
  @Field(() => OrganizationRole, { description: 'Their role there.' }) role!: OrganizationRoleValue;
  @Field({ description: 'When the person joined.' }) createdAt!: Date;
  @Field(() => OrganizationModel, { description: 'The organisation.' }) organization?: OrganizationModel;
  @Field(() => UserModel, { description: 'The person.' }) user?: UserModel;
  organizationId!: string;
  userId!: string;
}

export const OrganizationConnection = ConnectionType(OrganizationModel, 'Organization');
export const OrganizationMembershipConnection = ConnectionType(OrganizationMembershipModel, 'OrganizationMembership');
