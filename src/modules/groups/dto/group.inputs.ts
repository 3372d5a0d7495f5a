import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { GroupRole, GroupVisibility } from '../group.model';

const TOPICS = { max: 10, length: 40 };

@InputType()
export class CreateGroupInput {
  @Field()
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => GroupVisibility)
  @IsEnum(GroupVisibility)
  visibility!: GroupVisibility;

  @Field(() => ID, { description: 'The organisation that owns the group; its members may create groups.' })
  @IsUUID()
  organizationId!: string;

  @Field(() => [String], { nullable: true, description: 'At most 10 topics of at most 40 characters.' })
  @IsOptional()
  @ArrayMaxSize(TOPICS.max)
  @IsNotBlank({ each: true })
  @MaxLength(TOPICS.length, { each: true })
  topics?: string[];
}

@InputType({ description: 'Only the fields given change.' })
export class UpdateGroupInput {
  @Field(() => String, { nullable: true })
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => GroupVisibility, { nullable: true })
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsEnum(GroupVisibility)
  visibility?: GroupVisibility;

  @Field(() => [String], { nullable: true })
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @ArrayMaxSize(TOPICS.max)
  @IsNotBlank({ each: true })
  @MaxLength(TOPICS.length, { each: true })
  topics?: string[];
}

@ArgsType()
export class GroupsArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Words in the name; case and accents ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only groups the viewer is a member of.' })
  @IsOptional()
  @IsBoolean()
  memberOf?: boolean;
}

@ArgsType()
export class GroupMemberArgs {
  @Field(() => ID)
  @IsUUID()
  groupId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
}

@ArgsType()
export class GroupMemberRoleArgs extends GroupMemberArgs {
  @Field(() => GroupRole, { defaultValue: GroupRole.MEMBER })
  @IsEnum(GroupRole)
  role: GroupRole = GroupRole.MEMBER;
}

@ArgsType()
export class GroupIdArgs {
  @Field(() => ID)
  @IsUUID()
  groupId!: string;
}

@ArgsType()
export class OrganizationIdArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;
}
