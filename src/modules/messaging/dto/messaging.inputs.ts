import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsNotBlank } from '../../../common/validation/text.decorators';

export const MESSAGE_MAX = 4_000;

@InputType({ description: 'A message to send.' })
export class SendMessageInput {
  @Field(() => ID, { description: 'The conversation; the viewer must take part in it.' })
  @IsUUID()
  conversationId!: string;

  @Field({ description: 'The text, 1 to 4,000 characters (not blank).' })
  @IsNotBlank()
  @MaxLength(MESSAGE_MAX)
  body!: string;

  @Field({
    description: 'Chosen by the sending device (e.g. a UUID), 1 to 64 characters of [A-Za-z0-9_-]. Makes retries safe.',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 characters among A-Z, a-z, 0-9, _ and -' })
  clientId!: string;
}

@ArgsType()
export class StartConversationArgs {
  @Field(() => [ID], {
    description: 'The other people; the viewer is added. One person and no title: their DIRECT conversation.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  participantIds!: string[];

  @Field(() => String, { nullable: true, description: 'Makes it a GROUP conversation.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(200)
  title?: string;
}

@ArgsType()
export class ConversationMessagesArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;

  @Field(() => String, {
    nullable: true,
    description: 'Messages sent after this one (a cursor or a message id): how a client catches up.',
  })
  @IsOptional()
  @IsUUID()
  after?: string;

  @Field(() => String, { nullable: true, description: 'Messages sent before this one: older history.' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

@ArgsType()
export class MessagesArgs extends ConversationMessagesArgs {
  @Field(() => ID, { description: 'The conversation; the viewer must take part in it.' })
  @IsUUID()
  conversationId!: string;
}

@ArgsType()
export class MarkReadArgs {
  @Field(() => ID, { description: 'The conversation; the viewer must take part in it.' })
  @IsUUID()
  conversationId!: string;

  @Field(() => ID, {
    description: 'The last message the viewer has seen; a read position never moves back.',
  })
  @IsUUID()
  messageId!: string;
}
