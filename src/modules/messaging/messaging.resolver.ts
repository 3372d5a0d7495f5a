import { RateLimit } from '../../common/rate-limit/rate-limit.interceptor';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, GuardedField, PublicField } from '../../common/auth/access-rules';
import { CurrentViewer, Viewer } from '../../common/auth/viewer';
import { RequestContext } from '../../common/graphql/request-context';
import { ConnectionArgs, ConnectionType, mapConnection } from '../../common/pagination/connection';
import { UuidPipe } from '../../common/validation/uuid.pipe';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { SocketServer } from '../realtime/socket-server';
import {
  ConversationMessagesArgs,
  MarkReadArgs,
  MessagesArgs,
  SendMessageInput,
  StartConversationArgs,
} from './dto/messaging.inputs';
import { MessagingService } from './messaging.service';
import {
  ConversationModel,
  ConversationReadPosition,
  MessageConnection,
  MessageModel,
  toConversationModel,
  toMessageModel,
} from './messaging.model';

const ConversationConnection = ConnectionType(ConversationModel, 'Conversation');

@Authenticated()
@Resolver(() => ConversationModel)
export class ConversationsResolver {
  constructor(
    private readonly service: MessagingService,
    private readonly users: UsersService,
    private readonly sockets: SocketServer,
  ) {}

  @Query(() => ConversationModel, {
    nullable: true,
    description: 'A conversation the viewer takes part in; NOT_FOUND otherwise.',
  })
  async conversation(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'The conversation.' }, UuidPipe) id: string,
  ): Promise<ConversationModel> {
    return toConversationModel(await this.service.get(viewer.id, id));
  }

  @Query(() => ConversationConnection, { description: "The viewer's conversations, most recently active first." })
  async conversations(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return mapConnection(await this.service.list(viewer.id, args.first, args.after), toConversationModel);
  }

  @Query(() => MessageConnection, {
    description: 'Messages in send order. `after` catches up after a disconnect, with no gap and no duplicate.',
  })
  messages(@CurrentViewer() viewer: Viewer, @Args() args: MessagesArgs): Promise<MessageConnection> {
    return this.service.history(viewer.id, args);
  }

  @Mutation(() => ConversationModel, {
    description:
      'With one other person (and no title): your DIRECT conversation, existing or new. Otherwise a GROUP conversation.',
  })
  async startConversation(
    @CurrentViewer() viewer: Viewer,
    @Args() args: StartConversationArgs,
  ): Promise<ConversationModel> {
    return toConversationModel(await this.service.start(viewer.id, args.participantIds, args.title));
  }

  @RateLimit('sendMessage')
  @Mutation(() => MessageModel, {
    description:
      'Stores, then delivers to every participant as `message:new`. The same clientId returns the first message.',
  })
  async sendMessage(
    @CurrentViewer() viewer: Viewer,
    @Args('input', { description: 'The message.' }) input: SendMessageInput,
  ): Promise<MessageModel> {
    return toMessageModel((await this.service.send(viewer.id, input)).message);
  }

  @Mutation(() => ConversationModel, {
    description: 'Marks the conversation read up to this message; the others get `conversation:read`.',
  })
  async markConversationRead(@CurrentViewer() viewer: Viewer, @Args() args: MarkReadArgs): Promise<ConversationModel> {
    return toConversationModel(await this.service.markRead(viewer.id, args.conversationId, args.messageId));
  }

  @PublicField()
  @ResolveField(() => [UserModel], { description: 'Everyone taking part, the viewer included.' })
  async participants(@Parent() conversation: ConversationModel, @Context() ctx: RequestContext): Promise<UserModel[]> {
    const ids = await this.service.participants(ctx.loaders, conversation.id);
    const users = await Promise.all(ids.map((id) => this.users.load(ctx.loaders, id)));
    return users.filter((user) => user !== null).map(toUserModel);
  }

  @PublicField()
  @ResolveField(() => MessageModel, { nullable: true, description: 'The latest message; null before the first one.' })
  async lastMessage(
    @Parent() conversation: ConversationModel,
    @Context() ctx: RequestContext,
  ): Promise<MessageModel | null> {
    const message = await this.service.lastMessage(ctx.loaders, conversation.id);
    return message && toMessageModel(message);
  }

  @PublicField()
  @ResolveField(() => Int, { description: 'Messages from others after the viewer’s read position.' })
  unreadCount(@Parent() conversation: ConversationModel, @Context() ctx: RequestContext): Promise<number> {
    return this.service.unreadCount(ctx.loaders, ctx.viewer!.id, conversation.id);
  }

  @PublicField()
  @ResolveField(() => [ConversationReadPosition], {
    description: 'How far each participant has read, the viewer included: the `seq` of the last message they saw.',
  })
  readPositions(
    @Parent() conversation: ConversationModel,
    @Context() ctx: RequestContext,
  ): Promise<ConversationReadPosition[]> {
    return this.service.readPositions(ctx.loaders, conversation.id);
  }

  @PublicField()
  @ResolveField(() => [ID], {
    description: 'The other participants who have a device connected now; changes come as `presence`.',
  })
  async onlineParticipantIds(
    @Parent() conversation: ConversationModel,
    @Context() ctx: RequestContext,
  ): Promise<string[]> {
    const ids = await this.service.participants(ctx.loaders, conversation.id);
    const online = await this.sockets.onlineAmong(ids.filter((id) => id !== ctx.viewer!.id));
    return ids.filter((id) => online.has(id));
  }

  /** The parent conversation was checked to include the viewer when it was resolved. */
  @GuardedField()
  @ResolveField('messages', () => MessageConnection, {
    description: 'Messages in send order (see the root field `messages`).',
  })
  conversationMessages(
    @Parent() conversation: ConversationModel,
    @Context() ctx: RequestContext,
    @Args() args: ConversationMessagesArgs,
  ) {
    return this.service.history(ctx.viewer!.id, { ...args, conversationId: conversation.id });
  }
}

@Resolver(() => MessageModel)
export class MessageResolver {
  constructor(private readonly users: UsersService) {}

  @PublicField()
  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who sent it; "Ancien membre" once they erased their account.',
  })
  async sender(@Parent() message: MessageModel, @Context() ctx: RequestContext): Promise<UserModel | null> {
    const user = message.senderId ? await this.users.load(ctx.loaders, message.senderId) : null;
    return user && toUserModel(user);
  }
}
