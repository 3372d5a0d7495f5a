import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/**
 * Announcements received (and whether read or acknowledged) are the person's: exported, erased.
 * An announcement an admin sent is the organisation's: it stays, its author cleared. Reminders'
 * sent log is the person's too.
 */
export const ANNOUNCEMENTS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'announcements',
  tables: [
    {
      table: 'announcements',
      columns: { author_id: 'clear' },
      export: {
        key: 'announcements.sent',
        sql: 'SELECT id, organization_id, title, body, channels, require_acknowledgement, sent_at FROM announcements WHERE author_id = $1 ORDER BY sent_at',
      },
    },
    {
      table: 'announcement_recipients',
      columns: { user_id: 'delete' },
      export: {
        key: 'announcements.received',
        sql: `SELECT a.id, a.organization_id, a.title, a.body, r.sent_at, r.emailed_at, r.read_at, r.acknowledged_at
                FROM announcement_recipients r JOIN announcements a ON a.id = r.announcement_id
               WHERE r.user_id = $1 ORDER BY r.sent_at`,
      },
    },
    {
      table: 'renewal_reminders',
      columns: { user_id: 'delete' },
      export: {
        key: 'announcements.renewalReminders',
        sql: 'SELECT organization_id, paid_until, milestone, sent_at FROM renewal_reminders WHERE user_id = $1 ORDER BY sent_at',
      },
    },
  ],
};
