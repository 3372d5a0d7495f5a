import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { DateScalar } from '../../../common/graphql/date-scalar';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { DuesStatus, MemberCategory } from '../members.model';

@InputType('MemberFilter', {
  description:
    'Which members: a list matches any of its values; the fields combine with AND; absent fields do not filter.',
})
export class MemberFilterInput {
  @Field(() => [MemberCategory], { nullable: true, description: 'Any of these categories.' })
  @IsOptional()
  @IsArray()
  @IsEnum(MemberCategory, { each: true })
  categories?: MemberCategory[];

  @Field(() => [DuesStatus], { nullable: true, description: 'Any of these dues statuses.' })
  @IsOptional()
  @IsArray()
  @IsEnum(DuesStatus, { each: true })
  duesStatus?: DuesStatus[];

  @Field(() => Int, { nullable: true, description: 'Joined in the last N days (0 to 36,500; 0: today).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  joinedWithinDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Not seen in Maillage (no session used) for N days or more (1 to 36,500).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  inactiveForDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Dues paid until a day from today to N days from now (0 to 3,660): renewals coming up.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3660)
  duesEndingWithinDays?: number;

  @Field(() => [String], { nullable: true, description: 'Any of these skills (case and accents ignored), at most 20.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  skills?: string[];

  @Field(() => String, { nullable: true, description: 'Words in the name or e-mail; case and accents ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also the members of every organisation below (one entry per membership in `members`).',
  })
  @IsOptional()
  @IsBoolean()
  includeDescendants?: boolean;
}

@ArgsType()
export class MembersQueryArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => MemberFilterInput, { nullable: true, description: 'Which members; all when absent.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberFilterInput)
  filter?: MemberFilterInput;
}

@ArgsType()
export class MemberFilterArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => MemberFilterInput, { nullable: true, description: 'Which members; all when absent.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MemberFilterInput)
  filter?: MemberFilterInput;
}

@ArgsType()
export class SetMemberCategoriesArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: 'The member.' })
  @IsUUID()
  userId!: string;

  @Field(() => [MemberCategory], { description: 'Their categories there (replaces the previous ones; may be empty).' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(MemberCategory, { each: true })
  categories!: MemberCategory[];
}

@InputType({ description: 'A dues payment to record.' })
export class RecordDuesPaymentInput {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: 'The member who paid.' })
  @IsUUID()
  userId!: string;

  @Field(() => Int, { description: 'The amount in euro cents, 0 to 100,000,000.' })
  @IsInt()
  @Min(0, { message: 'must not be negative' })
  @Max(100_000_000)
  amountCents!: number;

  @Field(() => DateScalar, { description: 'The day it was paid.' })
  @IsString()
  paidOn!: string;

  @Field(() => DateScalar, { description: 'The first day it covers.' })
  @IsString()
  periodStart!: string;

  @Field(() => DateScalar, {
    description: 'The last day it covers (included); not before `periodStart`, and not overlapping another payment.',
  })
  @IsString()
  periodEnd!: string;

  @Field(() => String, { nullable: true, description: 'A free reference (cheque number, receipt…), at most 200.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;
}

@InputType({ description: 'A segment to save.' })
export class CreateSegmentInput {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field({ description: 'Its name, 1 to 100 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(100)
  name!: string;

  @Field(() => MemberFilterInput, { description: 'Who belongs to it.' })
  @ValidateNested()
  @Type(() => MemberFilterInput)
  filter!: MemberFilterInput;
}

@InputType({ description: "An organisation's settings for its members." })
export class UpdateOrganizationSettingsInput {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Days after the last paid day during which dues are in GRACE before LAPSED (0 to 366).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(366)
  duesGraceDays?: number;
}
