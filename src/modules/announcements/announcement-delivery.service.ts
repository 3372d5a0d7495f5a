import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { createLogger } from '../../common/logging/logger';
import { enqueue } from '../../infra/jobs/enqueue';
import { Job, jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { NotificationEntity } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { announcementMail } from './announcement-mails';
import { ChannelValue } from './announcement.model';

/** Notifies and e-mails one batch of an announcement's recipients (by user id), then queues the next batch. */
export const DeliverAnnouncementJob = jobType<{ announcementId: string; after?: string }>('announcements.deliver');

/** Recipients per batch: each batch is one transaction of its own. */
export const DELIVERY_BATCH = 500;

interface Recipient {
  user_id: string;
  email: string;
  active: boolean;
  wants_email: boolean;
}

/**
 * The fan-out of an announcement, in batches of 500 recipients, each its own job and transaction:
 * their ANNOUNCEMENT notifications in one INSERT, their e-mails through the mail queue (to those
 * who did not turn announcement e-mails off), then the next batch. Keys make every step idempotent:
 * a retried batch adds no second notification (`notified_at`) nor e-mail (the mail key).
 */
@Injectable()
export class AnnouncementDeliveryService {
  private readonly logger = createLogger(AnnouncementDeliveryService.name);

  constructor(
    private readonly mail: MailService,
    private readonly notifications: NotificationsService,
    jobs: JobsService,
  ) {
    jobs.register({
      type: DeliverAnnouncementJob,
      claimSize: 1,
      timeoutSeconds: 120,
      handle: (job, manager) => this.deliver(job, manager),
    });
  }

  private async deliver(job: Job<{ announcementId: string; after?: string }>, manager: EntityManager): Promise<void> {
    const { announcementId, after } = job.payload;
    const [announcement] = (await manager.query(
      `SELECT a.id, a.title, a.body, a.channels, a.require_acknowledgement, a.author_id, o.name AS organization_name
         FROM announcements a JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1`,
      [announcementId],
    )) as {
      id: string;
      title: string;
      body: string;
      channels: ChannelValue[];
      require_acknowledgement: boolean;
      author_id: string | null;
      organization_name: string;
    }[];
    if (!announcement) return;
    const recipients = (await manager.query(
      `SELECT r.user_id, u.email, (u.deactivated_at IS NULL) AS active,
              coalesce(s.email_announcements, true) AS wants_email
         FROM announcement_recipients r
         JOIN users u ON u.id = r.user_id
         LEFT JOIN notification_settings s ON s.user_id = r.user_id
        WHERE r.announcement_id = $1 AND ($2::uuid IS NULL OR r.user_id > $2::uuid)
        ORDER BY r.user_id LIMIT $3`,
      [announcementId, after ?? null, DELIVERY_BATCH],
    )) as Recipient[];

    let recorded: NotificationEntity[] = [];
    if (announcement.channels.includes('IN_APP')) recorded = await this.notify(manager, announcement, recipients);
    let emailed = 0;
    if (announcement.channels.includes('EMAIL')) {
      const content = announcementMail({
        organizationName: announcement.organization_name,
        title: announcement.title,
        body: announcement.body,
        url: this.mail.link(`/annonces/${announcement.id}`),
        requireAcknowledgement: announcement.require_acknowledgement,
        settingsUrl: this.mail.link('/parametres'),
      });
      const to = recipients.filter((r) => r.active && r.wants_email);
      for (const recipient of to)
        await this.mail.queue(manager, {
          key: `announcement:${announcement.id}:${recipient.user_id}`,
          kind: 'announcement',
          userId: recipient.user_id,
          to: recipient.email,
          organizationName: announcement.organization_name,
          content,
        });
      await manager.query(
        `UPDATE announcement_recipients SET emailed_at = coalesce(emailed_at, now())
          WHERE announcement_id = $1 AND user_id = ANY($2::uuid[])`,
        [announcement.id, to.map((r) => r.user_id)],
      );
      emailed = to.length;
    }

    if (recipients.length === DELIVERY_BATCH) {
      const last = recipients[recipients.length - 1].user_id;
      await enqueue(
        manager,
        DeliverAnnouncementJob,
        { announcementId, after: last },
        { key: `${announcementId}:${last}` },
      );
    } else {
      await manager.query('UPDATE announcements SET delivered_at = now() WHERE id = $1', [announcementId]);
    }
    this.logger.info({ announcementId, recipients: recipients.length, emailed }, 'announcement batch delivered');
    // Live delivery is best effort (the notifications are stored either way).
    this.notifications.deliver(recorded);
  }

  /** One INSERT for the batch's notifications; recipients already notified (a retried batch) are skipped. */
  private async notify(
    manager: EntityManager,
    announcement: { id: string; author_id: string | null; organization_name: string },
    recipients: Recipient[],
  ): Promise<NotificationEntity[]> {
    const rows = (await manager.query(
      `WITH due AS (
         UPDATE announcement_recipients SET notified_at = now()
          WHERE announcement_id = $1 AND user_id = ANY($2::uuid[]) AND notified_at IS NULL
          RETURNING user_id)
       INSERT INTO notifications (user_id, type, actor_id, subject_id, text, emailed_at)
       SELECT due.user_id, 'ANNOUNCEMENT', $3, $1, $4, now() FROM due
       RETURNING id, user_id, type, actor_id, subject_id, text, created_at, read_at`,
      [
        announcement.id,
        recipients.filter((r) => r.active).map((r) => r.user_id),
        announcement.author_id,
        `Nouvelle annonce de « ${announcement.organization_name} »`,
      ],
    )) as {
      id: string;
      user_id: string;
      type: 'ANNOUNCEMENT';
      actor_id: string | null;
      subject_id: string;
      text: string;
      created_at: Date;
      read_at: Date | null;
    }[];
    return rows.map((row) =>
      Object.assign(new NotificationEntity(), {
        id: row.id,
        userId: row.user_id,
        type: row.type,
        actorId: row.actor_id,
        subjectId: row.subject_id,
        text: row.text,
        createdAt: row.created_at,
        readAt: row.read_at,
      }),
    );
  }
}
