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
});

@ObjectType('Message')
export class MessageModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) conversationId!: string;
  @Field() body!: string;
  @Field({ description: "The sender's own id for this message: resending it returns this message, never a copy." })
  clientId!: string;
  @Field(() => Int, { description: 'Position in the conversation (1, 2, 3…): the order every participant sees.' })
  seq!: number;
  @Field() createdAt!: Date;
  senderId!: string | null;
}

@ObjectType('Conversation')
export class ConversationModel {
  @Field(() => ID) id!: string;
  @Field(() => ConversationKind) kind!: ConversationKindValue;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field({ description: 'When the last message was sent (or the conversation created).' }) updatedAt!: Date;
  lastSeq!: number;
}

@ObjectType('MessagePageInfo')
export class MessagePageInfo {
  @Field({ description: 'Newer messages exist after this page.' }) hasNextPage!: boolean;
  @Field({ description: 'Older messages exist before this page.' }) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `before` for older messages.' }) startCursor!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for newer ones.' }) endCursor!: string | null;
}

@ObjectType('MessageEdge')
export class MessageEdge {
  @Field({ description: "The message's id: `after: <id of the last message you have>` catches up." }) cursor!: string;
  @Field(() => MessageModel) node!: MessageModel;
}

@ObjectType('MessageConnection', { description: 'Messages in send order (oldest first).' })
export class MessageConnection {
  @Field(() => [MessageEdge]) edges!: MessageEdge[];
  @Field(() => MessagePageInfo) pageInfo!: MessagePageInfo;
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
