import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class EngagementArgs {
  @Field(() => ID, { description: 'The organisation: its people are those who belong to it or to one below it.' })
  @IsUUID()
  organizationId!: string;

  @Field(() => Int, { defaultValue: 90, description: 'The window, in days up to now: 1 to 730 (default 90).' })
  @IsInt()
  @Min(1)
  @Max(730)
  days = 90;
}
