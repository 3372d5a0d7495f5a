import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { createLogger } from '../../common/logging/logger';
import { Job, jobType } from '../../infra/jobs/job-types';
import { JobsService } from '../../infra/jobs/jobs.service';
import { MailService } from '../mail/mail.service';
import { ReminderMilestone, renewalReminderMail } from './announcement-mails';
import { parisToday } from './paris-today';

/**
 * Each morning: renewal reminders. `today` (YYYY-MM-DD, the federation's date) may be given in the
 * payload: the clock is injected, so a run "as of" any day can be replayed without waiting.
 */
export const RenewalRemindersJob = jobType<{ today?: string }>('announcements.renewal-reminders');

/**
 * Per membership with dues: `organization_id, user_id, paid_until` (the end of the latest period
 * paid), from the CRM's dues payments.
 */
export const DUES_PAID_UNTIL_SQL = `SELECT d.organization_id, d.user_id, max(d.period_end) AS paid_until
  FROM dues_payments d WHERE d.user_id IS NOT NULL GROUP BY d.organization_id, d.user_id`;

interface Due {
  organization_id: string;
  user_id: string;
  paid_until: string;
  milestone: ReminderMilestone;
  email: string;
  organization_name: string;
}

/**
 * Dues renewal reminders, by e-mail: to members whose dues end within 30 days (ENDS_IN_30), within
 * 7 days (ENDS_IN_7), and whose dues ended 7 days ago (LAPSED_7). Each milestone is a window, not a
 * single day, so a day without a run (servers down) loses no reminder; the sent log's key (member,
 * organisation, end of the period, milestone) makes a second run send nothing, and a renewal starts
 * the next cycle. Who is due is computed from the dues payments at run time: whoever renewed meanwhile
 * is not due. Nobody who turned renewal reminders off gets one.
 */
@Injectable()
export class RenewalRemindersService {
  private readonly logger = createLogger(RenewalRemindersService.name);

  constructor(
    private readonly mail: MailService,
    jobs: JobsService,
  ) {
    jobs.register({
      type: RenewalRemindersJob,
      schedule: { cron: '0 9 * * *', timeZone: 'Europe/Paris' },
      exclusive: true,
      handle: (job, manager) => this.run(job, manager),
    });
  }

  private async run(job: Job<{ today?: string }>, manager: EntityManager): Promise<void> {
    const today = job.payload.today && /^\d{4}-\d{2}-\d{2}$/.test(job.payload.today) ? job.payload.today : parisToday();
    const due = (await manager.query(
      `WITH paid AS (${DUES_PAID_UNTIL_SQL}),
       due AS (
         SELECT paid.organization_id, paid.user_id, paid.paid_until,
                CASE WHEN paid.paid_until - $1::date BETWEEN 8 AND 30 THEN 'ENDS_IN_30'
                     WHEN paid.paid_until - $1::date BETWEEN 0 AND 7 THEN 'ENDS_IN_7'
                     WHEN $1::date - paid.paid_until BETWEEN 7 AND 30 THEN 'LAPSED_7' END AS milestone
           FROM paid
           JOIN organization_memberships m ON m.organization_id = paid.organization_id AND m.user_id = paid.user_id
           JOIN users u ON u.id = paid.user_id AND u.deactivated_at IS NULL
           LEFT JOIN notification_settings s ON s.user_id = paid.user_id
          WHERE coalesce(s.email_renewal_reminders, true)),
       logged AS (
         INSERT INTO renewal_reminders (organization_id, user_id, paid_until, milestone)
         SELECT organization_id, user_id, paid_until, milestone FROM due WHERE milestone IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING organization_id, user_id, paid_until, milestone)
       SELECT l.organization_id, l.user_id, l.paid_until::text AS paid_until, l.milestone, u.email, o.name AS organization_name
         FROM logged l JOIN users u ON u.id = l.user_id JOIN organizations o ON o.id = l.organization_id`,
      [today],
    )) as Due[];
    for (const reminder of due)
      await this.mail.queue(manager, {
        key: `renewal:${reminder.organization_id}:${reminder.user_id}:${reminder.paid_until}:${reminder.milestone}`,
        kind: 'renewal-reminder',
        userId: reminder.user_id,
        to: reminder.email,
        organizationName: reminder.organization_name,
        content: renewalReminderMail({
          milestone: reminder.milestone,
          organizationName: reminder.organization_name,
          paidUntil: reminder.paid_until,
          url: this.mail.link('/'),
          settingsUrl: this.mail.link('/parametres'),
        }),
      });
    this.logger.info({ today, reminders: due.length }, 'renewal reminders queued');
  }
}
