import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RealtimeSocketModule } from '../realtime/realtime-socket.module';
import { UsersModule } from '../users/users.module';
import { MessagingSocketHandlers } from './messaging.socket';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { ConversationsResolver, MessageResolver } from './messaging.resolver';
import { MessagingService } from './messaging.service';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { MESSAGING_PERSONAL_DATA } from './messaging.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([ConversationEntity, MessageEntity]), UsersModule, RealtimeSocketModule],
  providers: [MessagingService, ConversationsResolver, MessageResolver, MessagingSocketHandlers],
  exports: [MessagingService],
})
export class MessagingModule {
  constructor(personalData: PersonalData) {
    personalData.declare(MESSAGING_PERSONAL_DATA);
  }
}
