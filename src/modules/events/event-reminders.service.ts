import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { afterCommit as afterCommitOf } from '../../common/events/after-commit';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { Job, jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { notificationsMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { unsubscribeToken } from '../mail/unsubscribe-token';
import { NotificationSettingsService } from '../notifications/notification-settings.service';
import { UNSUBSCRIBE_PATH } from '../notifications/unsubscribe.controller';
import { EventNotificationsSubscriber } from './event-notifications.subscriber';
import { formatParis } from './paris-time';

/**
 * Hourly: people GOING to an event that starts within the next 24 hours are reminded (in the app,
 * and by e-mail unless their settings say NEVER or mute EVENT_REMINDER). The sent-log
 * (`event_reminders_sent`, one row per event and person) makes it once each, however often the job
 * runs. `at` replaces the clock (operators and tests: "run as if it were then").
 */
export const EventRemindersJob = jobType<{ at?: string }>('events.reminders');

const WINDOW_HOURS = 24;

interface Due {
  event_id: string;
  group_id: string;
  title: string;
  starts_at: Date;
  user_id: string;
  email: string;
}

@Injectable()
export class EventRemindersService {
  private readonly logger = createLogger(EventRemindersService.name);

  constructor(
    private readonly notifier: EventNotificationsSubscriber,
    private readonly mail: MailService,
    private readonly settings: NotificationSettingsService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    jobs: JobsService,
  ) {
    jobs.register({
      type: EventRemindersJob,
      schedule: { every: 3600 },
      exclusive: true,
      handle: async (job: Job<{ at?: string }>, manager) => {
        await this.remind(manager, job.payload.at ? new Date(job.payload.at) : new Date());
      },
    });
  }

  /** Reminds whoever is due at `now` and was not reminded yet; returns how many people were. */
  async remind(manager: EntityManager, now: Date): Promise<number> {
    // The sent-log row is written first, in this transaction: a second run finds it and skips.
    const due = (await manager.query(
      `WITH due AS (
         INSERT INTO event_reminders_sent (event_id, user_id)
         SELECT r.event_id, r.user_id FROM event_rsvps r JOIN events e ON e.id = r.event_id
          WHERE r.status = 'GOING' AND e.cancelled_at IS NULL
            AND e.starts_at > $1 AND e.starts_at <= $1 + make_interval(hours => $2)
         ON CONFLICT (event_id, user_id) DO NOTHING
         RETURNING event_id, user_id)
       SELECT due.event_id, due.user_id, e.group_id, e.title, e.starts_at, u.email
         FROM due JOIN events e ON e.id = due.event_id JOIN users u ON u.id = due.user_id
        WHERE u.deactivated_at IS NULL
        ORDER BY e.starts_at, due.user_id`,
      [now, WINDOW_HOURS],
    )) as Due[];
    let reminded = 0;
    const context = { manager, afterCommit: (run: () => void) => afterCommitOf(manager, run) };
    for (const row of due) {
      const told = await this.notifier.notify(context, row.group_id, [row.user_id], {
        type: 'EVENT_REMINDER',
        actorId: null,
        subjectId: row.event_id,
        text: `Rappel : « ${row.title} » commence ${formatParis(row.starts_at)}`,
      });
      if (told.length === 0) continue;
      reminded++;
      await this.email(manager, row);
    }
    if (reminded) this.logger.info({ reminded }, 'event reminders sent');
    return reminded;
  }

  /** The reminder's own e-mail, at once (a digest would come too late); it is then not e-mailed again. */
  private async email(manager: EntityManager, row: Due): Promise<void> {
    await manager.query(
      `UPDATE notifications SET emailed_at = now() WHERE user_id = $1 AND subject_id = $2 AND type = 'EVENT_REMINDER'`,
      [row.user_id, row.event_id],
    );
    const settings = await this.settings.get(row.user_id, manager);
    if (settings.emailFrequency === 'NEVER' || settings.mutedTypes.includes('EVENT_REMINDER')) return;
    const unsubscribeUrl = this.mail.link(
      `${UNSUBSCRIBE_PATH}/${unsubscribeToken(this.config.jwtSecret, row.user_id)}`,
    );
    await this.mail.queue(manager, {
      key: `event-reminder:${row.event_id}:${row.user_id}`,
      kind: 'event-reminder',
      userId: row.user_id,
      to: row.email,
      organizationName: await this.mail.organizationNameOf(manager, row.user_id),
      content: notificationsMail({
        period: 'immediate',
        items: [
          {
            text: `Rappel : « ${row.title} » commence ${formatParis(row.starts_at)}`,
            url: this.mail.link(`/evenements/${row.event_id}`),
            when: new Date(),
          },
        ],
        notificationsUrl: this.mail.link('/notifications'),
        settingsUrl: this.mail.link('/parametres'),
        unsubscribeUrl,
      }),
      headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}
