import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConversationEntity, ConversationKindValue } from './conversation.entity';
import { MessageEntity } from './message.entity';

export enum ConversationKind {
  DIRECT = 'DIRECT',
  GROUP = 'GROUP',
}
registerEnumType(ConversationKind, {
  name: 'ConversationKind',
  description: 'DIRECT: two people, one conversation per pair. GROUP: several people, with a title.',
  valuesMap: {
    DIRECT: { description: 'Two people; starting it again with the same person returns the same conversation.' },
    GROUP: { description: 'Several people (or a title); each start creates a new one.' },
  },
});

@ObjectType('Message', {
  description: 'A message in a conversation; only its participants can read it (others get NOT_FOUND).',
})
export class MessageModel {
  @Field(() => ID, { description: 'Stable identifier; also a cursor for `messages(after:)`.' }) id!: string;
  @Field(() => ID, { description: 'The conversation it belongs to.' }) conversationId!: string;
  @Field({ description: 'The text, up to 4,000 characters.' }) body!: string;
  @Field({ description: "The sender's own id for this message: resending it returns this message, never a copy." })
  clientId!: string;
  @Field(() => Int, { description: 'Position in the conversation (1, 2, 3…): the order every participant sees.' })
  seq!: number;
  @Field({ description: 'When the server stored it.' }) createdAt!: Date;
  senderId!: string | null;
}

@ObjectType('Conversation', {
  description: 'Direct or group messages between people; visible to its participants only (NOT_FOUND to anyone else).',
})
export class ConversationModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field(() => ConversationKind, { description: 'DIRECT (two people) or GROUP.' }) kind!: ConversationKindValue;
  @Field(() => String, {
    nullable: true,
    description: 'A GROUP conversation’s title (up to 200 characters); null for DIRECT.',
  })
  title!: string | null;
  @Field({ description: 'When the last message was sent (or the conversation created).' }) updatedAt!: Date;
  lastSeq!: number;
}

@ObjectType('ConversationReadPosition', {
  description:
    'How far one participant has read a conversation (what "Vu" is drawn from); live changes come as `conversation:read`.',
})
export class ConversationReadPosition {
  @Field(() => ID, { description: 'The participant.' }) userId!: string;
  @Field(() => Int, { description: 'The `seq` of the last message they have seen; 0 before any.' })
  lastReadSeq!: number;
}

@ObjectType('MessagePageInfo', { description: 'Where a page of messages stands, both ways.' })
export class MessagePageInfo {
  @Field({ description: 'Newer messages exist after this page.' }) hasNextPage!: boolean;
  @Field({ description: 'Older messages exist before this page.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `before` for older messages.' }) startCursor!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for newer ones.' }) endCursor!: string | null;
}

@ObjectType('MessageEdge', { description: 'A message and its position.' })
export class MessageEdge {
  @Field({ description: "The message's id: `after: <id of the last message you have>` catches up." }) cursor!: string;
  @Field(() => MessageModel, { description: 'The message.' }) node!: MessageModel;
}

@ObjectType('MessageConnection', { description: 'Messages in send order (oldest first).' })
export class MessageConnection {
  @Field(() => [MessageEdge], { description: 'The messages of this page, oldest first.' }) edges!: MessageEdge[];
  @Field(() => MessagePageInfo, { description: 'Whether older and newer messages exist, and their cursors.' })
  pageInfo!: MessagePageInfo;
}

export function toMessageModel(entity: MessageEntity): MessageModel {
  return {
    id: entity.id,
    conversationId: entity.conversationId,
    body: entity.body,
    clientId: entity.clientId,
    seq: Number(entity.seq),
    createdAt: entity.createdAt,
    senderId: entity.senderId,
  };
}

export function toConversationModel(entity: ConversationEntity): ConversationModel {
  return {
    id: entity.id,
    kind: entity.kind,
    title: entity.title,
    updatedAt: entity.updatedAt,
    lastSeq: Number(entity.lastSeq),
  };
}
