import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EMAIL_PATTERN } from '../../../common/validation/email';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { OrganizationKind, OrganizationRole } from '../organization.model';

@InputType()
export class CreateOrganizationInput {
  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => OrganizationKind, {
    description: 'REGION (under the federation) or ASSOCIATION (under a region or the federation).',
  })
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID)
  @IsUUID()
  parentId!: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => OrganizationKind, { nullable: true })
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
export class MemberRoleArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => OrganizationRole)
  @IsEnum(OrganizationRole)
  role!: OrganizationRole;
}

@ArgsType()
export class MemberArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Matches(EMAIL_PATTERN, { message: 'must be an email address' })
  @MaxLength(320)
  email!: string;

  @Field(() => OrganizationRole, { defaultValue: OrganizationRole.MEMBER })
  @IsEnum(OrganizationRole)
  role: OrganizationRole = OrganizationRole.MEMBER;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
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
