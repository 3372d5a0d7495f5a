import { Module } from '@nestjs/common';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { MailModule } from '../mail/mail.module';
import { MembersModule } from '../members/members.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AnnouncementAudience } from './announcement-audience';
import { AnnouncementDeliveryService } from './announcement-delivery.service';
import { ANNOUNCEMENTS_PERSONAL_DATA } from './announcements.personal-data';
import { AnnouncementsResolver } from './announcements.resolver';
import { AnnouncementsService } from './announcements.service';
import { RenewalRemindersService } from './renewal-reminders.service';

/** Announcements to segments (snapshotted audience, batched fan-out, reach) and dues renewal reminders. */
@Module({
  imports: [MailModule, NotificationsModule, OrganizationsModule, MembersModule],
  providers: [
    AnnouncementAudience,
    AnnouncementsService,
    AnnouncementDeliveryService,
    AnnouncementsResolver,
    RenewalRemindersService,
  ],
})
export class AnnouncementsModule {
  constructor(personalData: PersonalData) {
    personalData.declare(ANNOUNCEMENTS_PERSONAL_DATA);
  }
}
