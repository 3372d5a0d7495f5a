import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationTypeValue } from './notification.entity';
import {
  EmailFrequencyValue,
  NotificationSettingsModel,
  UpdateNotificationSettingsInput,
} from './notification-settings.model';

export const DEFAULT_EMAIL_FREQUENCY: EmailFrequencyValue = 'DAILY';

/** Each person's notification e-mail preferences; a person without a row has the defaults. */
@Injectable()
export class NotificationSettingsService {
  constructor(private readonly db: DataSource) {}

  async get(userId: string, manager: EntityManager = this.db.manager): Promise<NotificationSettingsModel> {
    const [row] = (await manager.query(
      `SELECT email_frequency, muted_types, email_announcements, email_renewal_reminders
         FROM notification_settings WHERE user_id = $1`,
      [userId],
    )) as {
      email_frequency: EmailFrequencyValue;
      muted_types: NotificationTypeValue[];
      email_announcements: boolean;
      email_renewal_reminders: boolean;
    }[];
    return {
      emailFrequency: row?.email_frequency ?? DEFAULT_EMAIL_FREQUENCY,
      mutedTypes: row?.muted_types ?? [],
      emailAnnouncements: row?.email_announcements ?? true,
      emailRenewalReminders: row?.email_renewal_reminders ?? true,
    };
  }

  async update(userId: string, input: UpdateNotificationSettingsInput): Promise<NotificationSettingsModel> {
    await this.db.query(
      `INSERT INTO notification_settings (user_id, email_frequency, muted_types, email_announcements, email_renewal_reminders)
       VALUES ($1, coalesce($2, $4), coalesce($3::text[], '{}'), coalesce($5, true), coalesce($6, true))
       ON CONFLICT (user_id) DO UPDATE SET
         email_frequency = coalesce($2, notification_settings.email_frequency),
         muted_types = coalesce($3::text[], notification_settings.muted_types),
         email_announcements = coalesce($5, notification_settings.email_announcements),
         email_renewal_reminders = coalesce($6, notification_settings.email_renewal_reminders),
         updated_at = now()`,
      [
        userId,
        input.emailFrequency ?? null,
        input.mutedTypes ? [...new Set(input.mutedTypes)] : null,
        DEFAULT_EMAIL_FREQUENCY,
        input.emailAnnouncements ?? null,
        input.emailRenewalReminders ?? null,
      ],
    );
    return this.get(userId);
  }

  /** One-click unsubscribe: no more notification e-mails. */
  async unsubscribe(userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_settings (user_id, email_frequency) SELECT id, 'NEVER' FROM users WHERE id = $1
       ON CONFLICT (user_id) DO UPDATE SET email_frequency = 'NEVER', updated_at = now()`,
      [userId],
    );
  }
}
