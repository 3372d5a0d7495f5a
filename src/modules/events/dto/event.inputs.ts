import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsDate, IsInt, IsOptional, IsUrl, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

@InputType({ description: 'A new event.' })
export class CreateEventInput {
  @Field(() => ID, { description: 'The group it belongs to; the viewer must be a member.' })
  @IsUUID()
  groupId!: string;

  @Field({ description: 'What it is, 1 to 200 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ nullable: true, description: 'Details, up to 20,000 characters.' })
  @IsOptional()
  @MaxLength(20_000)
  description?: string;

  @Field({ description: 'When it starts.' })
  @IsDate()
  startsAt!: Date;

  @Field({ description: 'When it ends; not before it starts (BAD_USER_INPUT naming `endsAt`).' })
  @IsDate()
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where, up to 300 characters.' })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A link to join online (http or https), up to 2,000 characters.',
  })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people may go, 0 to 100,000; no limit when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;
}

@InputType({ description: 'Changes to an event; omitted fields stay as they are, null clears an optional one.' })
export class UpdateEventInput {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  id!: string;

  @Field({ nullable: true, description: 'What it is, 1 to 200 characters.' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsNotBlank()
  @MaxLength(200)
  title?: string;

  @Field({ nullable: true, description: 'Details, up to 20,000 characters.' })
  @IsOptional()
  @MaxLength(20_000)
  description?: string;

  @Field({ nullable: true, description: 'When it starts.' })
  @IsOptional()
  @IsDate()
  startsAt?: Date;

  @Field({ nullable: true, description: 'When it ends; not before it starts.' })
  @IsOptional()
  @IsDate()
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'Where, up to 300 characters; null clears it.' })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'A link to join online; null clears it.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS)
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many people may go; null removes the limit. More places promote the waitlist in order.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number | null;
}

@ArgsType()
export class RsvpArgs {
  @Field(() => ID, { description: 'The event.' })
  @IsUUID()
  eventId!: string;

  @Field({ description: 'true: going (or waitlisted when it is full); false: not going any more.' })
  @IsBoolean()
  going!: boolean;
}

@ArgsType()
export class EventsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'One group; every group the viewer may read when omitted.' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @Field({ nullable: true, description: 'Only events still going on at or after this instant (ends_at ≥ from).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Only events starting before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
