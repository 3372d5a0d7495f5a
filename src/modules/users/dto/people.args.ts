import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';

@ArgsType()
export class PeopleArgs extends ConnectionArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Words found in name, job title, skills or interests; case and accents ignored.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field(() => String, { nullable: true, description: 'People who list this skill (case and accents ignored).' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  skill?: string;

  @Field(() => ID, { nullable: true, description: 'Members of this organisation or of any organisation below it.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
