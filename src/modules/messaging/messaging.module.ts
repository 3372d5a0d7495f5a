import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeSocketModule } from '../realtime/realtime-socket.module';
import { UsersModule } from '../users/users.module';
import { MessagingSocketHandlers } from './messaging.socket';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { ConversationsResolver, MessageResolver } from './messaging.resolver';
import { MessagingService } from './messaging.service';

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, MessageEntity]), UsersModule, RealtimeSocketModule],
  providers: [MessagingService, ConversationsResolver, MessageResolver, MessagingSocketHandlers],
  exports: [MessagingService],
})
export class MessagingModule {}
