import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationRoleValue } from './organization.entity';
import { OrganizationModel, OrganizationRole } from './organization.model';

@ObjectType('Invitation', { description: 'An invitation to join an organisation, valid 14 days, usable once.' })
export class InvitationModel {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => OrganizationRole) role!: OrganizationRoleValue;
  @Field(() => OrganizationModel) organization?: OrganizationModel;
  @Field() expiresAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The secret to send to the invitee. Returned once, to the inviter, when the invitation is created.',
  })
  token!: string | null;
  organizationId!: string;
}
