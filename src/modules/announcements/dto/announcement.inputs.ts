import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../../common/pagination/connection';
import { IsNotBlank } from '../../../common/validation/text.decorators';
import { Channel, ChannelValue } from '../announcement.model';

@InputType({ description: 'An announcement to send now.' })
export class SendAnnouncementInput {
  @Field(() => ID, { description: 'The organisation it comes from; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;

  @Field(() => ID, { description: "Who receives it: one of the organisation's segments, as it stands now." })
  @IsUUID()
  segmentId!: string;

  @Field({ description: '1 to 200 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(200)
  title!: string;

  @Field({ description: '1 to 20,000 characters of plain text (not blank).' })
  @IsNotBlank()
  @MaxLength(20_000)
  body!: string;

  @Field(() => [Channel], { description: 'At least one: IN_APP (a notification), EMAIL (an e-mail).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one channel' })
  @ArrayMaxSize(2)
  @IsEnum(Channel, { each: true })
  channels!: ChannelValue[];

  @Field(() => Boolean, { defaultValue: false, description: 'Ask each recipient to acknowledge it.' })
  @IsBoolean()
  requireAcknowledgement: boolean = false;
}

@ArgsType()
export class AnnouncementsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The organisation; the viewer must administer it (or one above).' })
  @IsUUID()
  organizationId!: string;
}
