import { Field, ID, ObjectType } from '@nestjs/graphql';
import { InvitationEntity } from './invitation.entity';
import { OrganizationRoleValue } from './organization.entity';
import { OrganizationModel, OrganizationRole } from './organization.model';

@ObjectType('Invitation', { description: 'An invitation to join an organisation, valid 14 days, usable once.' })
export class InvitationModel {
  @Field(() => ID, { description: 'Stable identifier (to revoke it).' }) id!: string;
  @Field({ description: 'Who is invited (lower-cased).' }) email!: string;
  @Field(() => OrganizationRole, { description: 'The role they get on accepting.' }) role!: OrganizationRoleValue;
  @Field(() => OrganizationModel, { description: 'The organisation they are invited to.' })
  organization?: OrganizationModel;
  @Field({ description: 'After this moment the token no longer works (14 days after it was sent).' })
  expiresAt!: Date;
  @Field({ description: 'When it was sent.' }) createdAt!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The secret to send to the invitee. Returned once, to the inviter, when the invitation is created.',
  })
  token!: string | null;
  organizationId!: string;
}

export function toInvitationModel(invitation: InvitationEntity, token: string | null): InvitationModel {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
    organizationId: invitation.organizationId,
    token,
  };
}
