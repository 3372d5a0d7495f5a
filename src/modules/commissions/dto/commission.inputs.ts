import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

@InputType({ description: 'A new commission; its creator becomes OWNER of both its groups.' })
export class CreateCommissionInput {
  @Field(() => ID, {
    description: 'The organisation; its admins (and those of an organisation above) create commissions.',
  })
  @IsUUID()
  organizationId!: string;

  @Field({ description: "The commission's name, 1 to 180 characters (not blank); its groups are named after it." })
  @IsNotBlank()
  @MaxLength(180)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it is about, at most 5,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

@ArgsType()
export class CommissionsArgs {
  @Field(() => ID, { description: 'The organisation whose commissions to list.' })
  @IsUUID()
  organizationId!: string;
}
