import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EMAIL_PATTERN } from '../../../common/validation/email';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { OrganizationKind, OrganizationRole } from '../organization.model';

@InputType({ description: 'A new region or association.' })
export class CreateOrganizationInput {
  @Field({ description: 'Its name, 1 to 200 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => OrganizationKind, {
    description: 'REGION (under the federation) or ASSOCIATION (under a region or the federation).',
  })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID, { description: 'The organisation above it; the viewer must administer it (or one above).' })
  @IsUUID()
  parentId!: string;

  @Field(() => String, { nullable: true, description: 'What it is, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only the direct children of this organisation.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => OrganizationKind, { nullable: true, description: 'Only organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Words in the name; case and accents ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@ArgsType()
export class MembersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words in the display name; case and accents ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also the members of every organisation below (one entry per membership).',
  })
  @IsOptional()
  @IsBoolean()
  includeBelow = false;
}

@ArgsType()
export class MemberRoleArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: 'The member whose role changes.' })
  @IsUUID()
  userId!: string;

  @Field(() => OrganizationRole, { description: 'The new role; the federation keeps at least one ADMIN.' })
  @IsEnum(OrganizationRole)
  role!: OrganizationRole;
}

@ArgsType()
export class MemberArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: 'The member to remove.' })
  @IsUUID()
  userId!: string;
}

@InputType({ description: 'Who to invite, where, with which role.' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field({ description: 'The e-mail address to invite (at most 320 characters).' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(EMAIL_PATTERN, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => OrganizationRole, { defaultValue: OrganizationRole.MEMBER, description: 'The role on joining.' })
  @IsEnum(OrganizationRole)
  role: OrganizationRole = OrganizationRole.MEMBER;
}

@InputType({ description: 'Accepting an invitation: a new account, or the membership added to an existing one.' })
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsNotBlank()
  @MaxLength(200)
  token!: string;

  @Field(() => String, { nullable: true, description: 'For a new account; ignored when the email already has one.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(100)
  displayName?: string;

  @Field({ description: "A new account's password (12+ characters), or the existing account's current password." })
  @IsString()
  @MaxLength(256)
  password!: string;
}
