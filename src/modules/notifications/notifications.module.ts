import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { NotificationEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NotificationEventsSubscriber } from './notification-events.subscriber';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { NOTIFICATIONS_PERSONAL_DATA } from './notifications.personal-data';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), UsersModule],
  providers: [NotificationsService, NotificationsResolver, NotificationEventsSubscriber],
  exports: [NotificationsService],
})
export class NotificationsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(NOTIFICATIONS_PERSONAL_DATA);
  }
}
