import { Injectable, OnModuleInit } from '@nestjs/common';
import { IsUUID } from 'class-validator';
import { RateLimits } from '../../common/rate-limit/rate-limits';
import { validatePayload } from '../../common/validation/validate-payload';
import { ConversationAccess } from '../../access/conversation-access.service';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { acknowledge } from '../realtime/socket-ack';
import type { SocketMessage } from '../realtime/socket-events';
import { AuthedSocket, SocketServer } from '../realtime/socket-server';
import { MarkReadArgs, SendMessageInput } from './dto/messaging.inputs';
import { MessageModel, toMessageModel } from './messaging.model';
import { MessagingService } from './messaging.service';

class TypingPayload {
  @IsUUID()
  conversationId!: string;
}

const onTheWire = (message: MessageModel): SocketMessage => ({
  ...message,
  createdAt: message.createdAt.toISOString(),
});

/** The client → server events of conversations (message:send, typing, conversation:read) and who hears of presence. */
@Injectable()
export class MessagingSocketHandlers implements OnModuleInit {
  constructor(
    private readonly sockets: SocketServer,
    private readonly messaging: MessagingService,
    private readonly limits: RateLimits,
    private readonly publisher: RealtimePublisher,
    private readonly access: ConversationAccess,
  ) {}

  onModuleInit(): void {
    this.sockets.handle('message:send', (socket, payload) =>
      acknowledge(async () => {
        const input = await validatePayload(SendMessageInput, payload);
        // One budget per person, whichever way the message comes (socket or GraphQL).
        await this.limits.consume('sendMessage', socket.data.userId);
        const { message } = await this.messaging.send(socket.data.userId, input);
        return { message: onTheWire(toMessageModel(message)) };
      }),
    );
    this.sockets.handle('typing', (socket, payload) =>
      acknowledge(async () => {
        const { conversationId } = await validatePayload(TypingPayload, payload);
        await this.limits.consume('typing', socket.data.userId);
        await this.typing(socket, conversationId);
        return {};
      }),
    );
    this.sockets.handle('conversation:read', (socket, payload) =>
      acknowledge(async () => {
        const { conversationId, messageId } = await validatePayload(MarkReadArgs, payload);
        await this.messaging.markRead(socket.data.userId, conversationId, messageId);
        return {};
      }),
    );
    this.sockets.setPresenceAudience((userId) => this.access.partners(userId));
  }

  /** Ephemeral: told to the other participants, never stored. Silently dropped for non-participants. */
  private async typing(socket: AuthedSocket, conversationId: string): Promise<void> {
    if (!(await this.access.participating(socket.data.userId, [conversationId])).has(conversationId)) return;
    const participants = await this.access.participantIds(conversationId);
    void this.publisher.publish({
      userIds: participants.filter((id) => id !== socket.data.userId),
      event: 'typing',
      payload: { conversationId, userId: socket.data.userId },
    });
  }
}
