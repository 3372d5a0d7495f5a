import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** The person's notifications go; in others', the person as actor is cleared. */
export const NOTIFICATIONS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'notifications',
  tables: [
    {
      table: 'notifications',
      columns: { user_id: 'delete', actor_id: 'clear' },
      export: {
        key: 'notifications',
        sql: 'SELECT id, type, subject_id, text, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at',
      },
    },
    {
      table: 'notification_settings',
      columns: { user_id: 'delete' },
      export: {
        key: 'notificationSettings',
        sql: 'SELECT email_frequency, muted_types, email_announcements, email_renewal_reminders, updated_at FROM notification_settings WHERE user_id = $1',
        single: true,
      },
    },
  ],
};
