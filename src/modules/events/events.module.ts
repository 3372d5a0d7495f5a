import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PersonalData } from '../../common/personal-data/personal-data.module';
import { GroupsModule } from '../groups/groups.module';
import { MailModule } from '../mail/mail.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { CalendarFeeds } from './calendar-feeds.service';
import { CalendarController } from './calendar.controller';
import { EventEntity, EventRsvpEntity } from './event.entity';
import { EventNotificationsSubscriber } from './event-notifications.subscriber';
import { EventRemindersService } from './event-reminders.service';
import { EventRsvps } from './event-rsvps';
import { CalendarUrlResolver, EventAttendeeResolver, EventsResolver } from './events.resolver';
import { eventsPersonalData } from './events.personal-data';
import { EventsService } from './events.service';

/** Events in groups: RSVPs with a waitlist, calendars (.ics), reminders the day before. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EventEntity, EventRsvpEntity]),
    GroupsModule,
    UsersModule,
    MailModule,
    NotificationsModule,
  ],
  providers: [
    EventsService,
    EventRsvps,
    CalendarFeeds,
    EventNotificationsSubscriber,
    EventRemindersService,
    EventsResolver,
    EventAttendeeResolver,
    CalendarUrlResolver,
  ],
  controllers: [CalendarController],
  exports: [EventsService],
})
export class EventsModule {
  constructor(personalData: PersonalData, rsvps: EventRsvps) {
    personalData.declare(eventsPersonalData(rsvps));
  }
}
