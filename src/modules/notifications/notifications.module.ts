import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { NotificationEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NotificationEventsSubscriber } from './notification-events.subscriber';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), UsersModule],
  providers: [NotificationsService, NotificationsResolver, NotificationEventsSubscriber],
  exports: [NotificationsService],
})
export class NotificationsModule {}
