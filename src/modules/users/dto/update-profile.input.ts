import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateProfileInput {
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
