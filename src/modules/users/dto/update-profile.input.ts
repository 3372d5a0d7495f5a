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
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() email?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() phone?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() jobTitle?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() bio?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() skills?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() interests?: boolean;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() avatarUrl?: boolean;
}

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 .()-]{6,30}$/, { message: 'must be a phone number' })
  phone?: string | null;

  @Field(() => ProfileVisibilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfileVisibilityInput)
  profileVisibility?: ProfileVisibilityInput;

  @Field(() => String, { nullable: true })
  // null is validated (and refused) like a blank name: a display name can be changed, never cleared.
  @ValidateIf((_input: unknown, value: unknown) => value !== undefined)
  @IsNotBlank()
  @MaxLength(100)
  displayName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  skills?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsNotBlank({ each: true })
  @MaxLength(60, { each: true })
  interests?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  avatarUrl?: string | null;
}
