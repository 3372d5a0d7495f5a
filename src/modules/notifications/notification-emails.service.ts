import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { mayReadContent } from '../../access/group-policy';
import { createLogger } from '../../common/logging/logger';
import { RUNTIME_CONFIG, RuntimeConfig } from '../../config/runtime-config';
import { enqueueMany } from '../../infra/jobs/enqueue';
import { Job, jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { DigestPeriod, notificationsMail } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';
import { unsubscribeToken } from '../mail/unsubscribe-token';
import { NotificationEntity, NotificationTypeValue } from './notification.entity';
import { EmailFrequencyValue } from './notification-settings.model';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationsService } from './notifications.service';
import { UNSUBSCRIBE_PATH } from './unsubscribe.controller';

/** One person's notification e-mail (immediate, or their digest of a period). */
export const NotificationMailJob = jobType<{ userId: string; period: DigestPeriod }>('mail.notifications');
/** Each morning: a `mail.notifications` job per person on DAILY with something unread to tell. */
export const DailyDigestJob = jobType<Record<string, never>>('mail.daily-digest');
/** Monday mornings, for people on WEEKLY. */
export const WeeklyDigestJob = jobType<Record<string, never>>('mail.weekly-digest');

/** Notifications older than this are never e-mailed (a weekly digest reaches 7 days back). */
const LOOKBACK = "interval '8 days'";

interface Pending {
  id: string;
  type: NotificationTypeValue;
  subject_id: string | null;
  text: string;
  created_at: Date;
  group_id: string | null;
  question_id: string | null;
}

const FREQUENCY_OF: Record<DigestPeriod, EmailFrequencyValue> = {
  immediate: 'IMMEDIATE',
  daily: 'DAILY',
  weekly: 'WEEKLY',
};

/**
 * Notification e-mails. What goes in one is decided when it is built, not when the notification
 * was: only notifications still unread, not e-mailed yet, of a kind the person did not mute, whose
 * subject still exists and which the person may still read now (the access policy, asked again:
 * someone who left a private group hears nothing more of it). Each notification is e-mailed at
 * most once; several pending ones make one e-mail.
 */
@Injectable()
export class NotificationEmailsService {
  private readonly logger = createLogger(NotificationEmailsService.name);

  constructor(
    private readonly mail: MailService,
    private readonly settings: NotificationSettingsService,
    private readonly access: GroupAccess,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    notifications: NotificationsService,
    jobs: JobsService,
  ) {
    jobs.register({
      type: NotificationMailJob,
      claimSize: 10,
      handle: (job, manager) => this.sendFor(job, manager),
    });
    jobs.register({
      type: DailyDigestJob,
      schedule: { cron: '0 7 * * *', timeZone: 'Europe/Paris' },
      exclusive: true,
      handle: (job, manager) => this.fanOut(job, manager, 'daily'),
    });
    jobs.register({
      type: WeeklyDigestJob,
      schedule: { cron: '0 7 * * 1', timeZone: 'Europe/Paris' },
      exclusive: true,
      handle: (job, manager) => this.fanOut(job, manager, 'weekly'),
    });
    notifications.onRecorded((manager, recorded) => this.queueImmediate(manager, recorded));
  }

  /** In the transaction that records notifications: an e-mail job for each recipient on IMMEDIATE. */
  private async queueImmediate(manager: EntityManager, recorded: NotificationEntity[]): Promise<void> {
    const first = new Map<string, string>();
    for (const notification of recorded)
      if (!first.has(notification.userId)) first.set(notification.userId, notification.id);
    const immediate = (await manager.query(
      `SELECT user_id FROM notification_settings WHERE user_id = ANY($1::uuid[]) AND email_frequency = 'IMMEDIATE'`,
      [[...first.keys()]],
    )) as { user_id: string }[];
    await enqueueMany(
      manager,
      NotificationMailJob,
      immediate.map(({ user_id }) => ({
        payload: { userId: user_id, period: 'immediate' as const },
        key: `immediate:${first.get(user_id)}`,
      })),
    );
  }

  private async fanOut(job: Job<Record<string, never>>, manager: EntityManager, period: DigestPeriod): Promise<void> {
    const users = (await manager.query(
      `SELECT DISTINCT n.user_id FROM notifications n
         LEFT JOIN notification_settings s ON s.user_id = n.user_id
        WHERE n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at > now() - ${LOOKBACK}
          AND coalesce(s.email_frequency, 'DAILY') = $1`,
      [FREQUENCY_OF[period]],
    )) as { user_id: string }[];
    const added = await enqueueMany(
      manager,
      NotificationMailJob,
      users.map(({ user_id }) => ({ payload: { userId: user_id, period }, key: `${period}:${job.id}:${user_id}` })),
    );
    this.logger.info({ period, people: added }, 'notification digests queued');
  }

  private async sendFor(job: Job<{ userId: string; period: DigestPeriod }>, manager: EntityManager): Promise<void> {
    const { userId, period } = job.payload;
    const [user] = (await manager.query('SELECT email, deactivated_at FROM users WHERE id = $1', [userId])) as {
      email: string;
      deactivated_at: Date | null;
    }[];
    if (!user || user.deactivated_at) return;
    const settings = await this.settings.get(userId, manager);
    // Changed since it was queued: the person's current choice applies (a digest will take them).
    if (settings.emailFrequency !== FREQUENCY_OF[period]) return;

    // Locked: a second job for the same person (another instance) skips these and finds nothing.
    const pending = (await manager.query(
      `SELECT n.id, n.type, n.subject_id, n.text, n.created_at,
              CASE n.type
                WHEN 'NEW_COMMENT' THEN (SELECT p.group_id FROM posts p WHERE p.id = n.subject_id AND p.deleted_at IS NULL)
                WHEN 'NEW_ANSWER' THEN (SELECT q.group_id FROM questions q WHERE q.id = n.subject_id AND q.deleted_at IS NULL)
                WHEN 'ANSWER_ACCEPTED' THEN (
                  SELECT q.group_id FROM answers a JOIN questions q ON q.id = a.question_id
                   WHERE a.id = n.subject_id AND a.deleted_at IS NULL AND q.deleted_at IS NULL)
                WHEN 'JOIN_REQUEST' THEN n.subject_id
                WHEN 'JOIN_APPROVED' THEN n.subject_id
                WHEN 'EVENT_CANCELLED' THEN (SELECT e.group_id FROM events e WHERE e.id = n.subject_id)
                WHEN 'EVENT_PROMOTED' THEN (SELECT e.group_id FROM events e WHERE e.id = n.subject_id)
                WHEN 'EVENT_REMINDER' THEN (SELECT e.group_id FROM events e WHERE e.id = n.subject_id)
              END AS group_id,
              CASE WHEN n.type = 'ANSWER_ACCEPTED' THEN (SELECT a.question_id FROM answers a WHERE a.id = n.subject_id) END
                AS question_id
         FROM notifications n
        WHERE n.user_id = $1 AND n.read_at IS NULL AND n.emailed_at IS NULL AND n.created_at > now() - ${LOOKBACK}
        ORDER BY n.created_at, n.id
        FOR UPDATE OF n SKIP LOCKED`,
      [userId],
    )) as Pending[];
    if (pending.length === 0) return;

    const groupIds = [...new Set(pending.map((n) => n.group_id).filter((id): id is string => !!id))];
    const standings = await this.access.standings(userId, groupIds, manager);
    const readable = (n: Pending) => {
      const standing = n.group_id ? standings.get(n.group_id) : undefined;
      return !!standing && mayReadContent(standing);
    };
    const included = pending.filter((n) => !settings.mutedTypes.includes(n.type) && readable(n));
    // Each is considered once: what is muted or unreadable now is not held back for a later e-mail.
    await manager.query('UPDATE notifications SET emailed_at = now() WHERE id = ANY($1::uuid[])', [
      pending.map((n) => n.id),
    ]);
    if (included.length === 0) return;

    const unsubscribeUrl = this.mail.link(`${UNSUBSCRIBE_PATH}/${unsubscribeToken(this.config.jwtSecret, userId)}`);
    await this.mail.queue(manager, {
      key: `notifications:${userId}:${included[0].id}`,
      kind: `notifications-${period}`,
      userId,
      to: user.email,
      organizationName: await this.mail.organizationNameOf(manager, userId),
      content: notificationsMail({
        period,
        items: included.map((n) => ({ text: n.text, url: this.mail.link(pathOf(n)), when: n.created_at })),
        notificationsUrl: this.mail.link('/notifications'),
        settingsUrl: this.mail.link('/parametres'),
        unsubscribeUrl,
      }),
      headers: {
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  }
}

/** Where a notification leads in the web client. */
function pathOf(n: Pending): string {
  switch (n.type) {
    case 'NEW_ANSWER':
      return `/questions/${n.subject_id}`;
    case 'ANSWER_ACCEPTED':
      return n.question_id ? `/questions/${n.question_id}` : '/notifications';
    case 'JOIN_REQUEST':
      return `/groupes/${n.group_id}/membres`;
    case 'EVENT_CANCELLED':
    case 'EVENT_PROMOTED':
    case 'EVENT_REMINDER':
      return `/evenements/${n.subject_id}`;
    default:
      return n.group_id ? `/groupes/${n.group_id}` : '/notifications';
  }
}
