import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@InputType({ description: 'Which optional fields other members may see; omitted ones keep their setting.' })
export class ProfileVisibilityInput {
  @Field(() => Boolean, { nullable: true, description: 'Share the e-mail address with other members.' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the phone number with other members.' })
  @IsOptional()
  @IsBoolean()
  phone?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the job title (and be findable by it).' })
  @IsOptional()
  @IsBoolean()
  jobTitle?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the bio.' })
  @IsOptional()
  @IsBoolean()
  bio?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the skills (and be findable by them).' })
  @IsOptional()
  @IsBoolean()
  skills?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the interests (and be findable by them).' })
  @IsOptional()
  @IsBoolean()
  interests?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Share the avatar.' })
  @IsOptional()
  @IsBoolean()
  avatarUrl?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Appear in the directory and in people search (off: only reachable from what one wrote).',
  })
  @IsOptional()
  @IsBoolean()
  listed?: boolean;
}

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateProfileInput {
  @Field(() => String, {
    nullable: true,
    description: 'A phone number (digits, spaces, dots, dashes, brackets, an optional leading +); null clears it.',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 .()-]{6,30}$/, { message: 'must be a phone number' })
  phone?: string | null;

  @Field(() => ProfileVisibilityInput, { nullable: true, description: 'Directory consent: which fields others see.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfileVisibilityInput)
  profileVisibility?: ProfileVisibilityInput;

  @Field(() => String, {
    nullable: true,
    description: 'The name others see, 1 to 100 characters; it cannot be cleared.',
  })
  // null is validated (and refused) like a blank name: a display name can be changed, never cleared.
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsNotBlank()
  @MaxLength(100)
  displayName?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Role in their association, at most 200 characters; null clears it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true, description: 'A few words about oneself, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'At most 30 skills of at most 60 characters (replacing them).',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'At most 30 interests of at most 60 characters (replacing them).',
  })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  interests?: string[];

  @Field(() => String, { nullable: true, description: 'An http(s) address of a picture, at most 2,000 characters.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  avatarUrl?: string | null;
}
