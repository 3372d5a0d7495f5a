import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { NotificationEntity } from './notification.entity';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NotificationEventsSubscriber } from './notification-events.subscriber';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { NOTIFICATIONS_PERSONAL_DATA } from './notifications.personal-data';
import { MailModule } from '../mail/mail.module';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationSettingsResolver } from './notification-settings.resolver';
import { NotificationEmailsService } from './notification-emails.service';
import { UnsubscribeController } from './unsubscribe.controller';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), UsersModule, MailModule],
  providers: [
    NotificationsService,
    NotificationsResolver,
    NotificationEventsSubscriber,
    NotificationSettingsService,
    NotificationSettingsResolver,
    NotificationEmailsService,
  ],
  controllers: [UnsubscribeController],
  exports: [NotificationsService, NotificationSettingsService],
})
export class NotificationsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(NOTIFICATIONS_PERSONAL_DATA);
  }
}
