import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { GroupRole, GroupVisibility } from '../group.model';

const TOPICS = { max: 10, length: 40 };

@InputType({ description: 'A new group; its creator becomes its OWNER.' })
export class CreateGroupInput {
  @Field({ description: "The group's name, 1 to 200 characters (not blank)." })
  @IsNotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the group is about, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => GroupVisibility, { description: 'PUBLIC or PRIVATE; can be changed later by an owner.' })
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
  @Field(() => String, { nullable: true, description: 'A new name, 1 to 200 characters.' })
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsNotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'A new description, at most 5,000 characters; null clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => GroupVisibility, {
    nullable: true,
    description: 'Turning PRIVATE hides the content from non-members at once; their follows end.',
  })
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsEnum(GroupVisibility)
  visibility?: GroupVisibility;

  @Field(() => [String], {
    nullable: true,
    description: 'The new topics (replacing them): at most 10 of 40 characters.',
  })
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

  @Field(() => ID, { nullable: true, description: 'Only the groups of this organisation.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only groups the viewer is a member of; false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  memberOf?: boolean;
}

@ArgsType()
export class GroupMemberArgs {
  @Field(() => ID, { description: 'The group.' })
  @IsUUID()
  groupId!: string;

  @Field(() => ID, { description: 'The person concerned.' })
  @IsUUID()
  userId!: string;
}

@ArgsType()
export class GroupMemberRoleArgs extends GroupMemberArgs {
  @Field(() => GroupRole, {
    defaultValue: GroupRole.MEMBER,
    description: 'MEMBER is for managers to give; OWNER and MODERATOR only for owners and organisation admins.',
  })
  @IsEnum(GroupRole)
  role: GroupRole = GroupRole.MEMBER;
}

@ArgsType()
export class GroupIdArgs {
  @Field(() => ID, { description: 'The group.' })
  @IsUUID()
  groupId!: string;
}

@ArgsType()
export class OrganizationIdArgs {
  @Field(() => ID, { description: 'The organisation.' })
  @IsUUID()
  organizationId!: string;
}
