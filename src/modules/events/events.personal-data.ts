import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';
import { EventRsvps } from './event-rsvps';

/**
 * Events a person organised are contributions to their group: they stay, signed "Ancien membre"
 * (like posts). Their answers to events go; a place they held goes to the first waitlisted.
 */
export function eventsPersonalData(rsvps: EventRsvps): PersonalDataDeclaration {
  async function erase(manager: EntityManager, userId: string): Promise<void> {
    const held = (await manager.query(
      `WITH gone AS (DELETE FROM event_rsvps WHERE user_id = $1 RETURNING event_id, status)
       SELECT event_id FROM gone WHERE status = 'GOING'`,
      [userId],
    )) as { event_id: string }[];
    for (const { event_id } of held) await rsvps.promote(manager, { id: event_id });
  }

  return {
    module: 'events',
    erase,
    tables: [
      {
        table: 'events',
        columns: { author_id: 'reattribute' },
        export: {
          key: 'events.organised',
          sql: `SELECT id, group_id, title, description, starts_at, ends_at, location, online_url, capacity, created_at, cancelled_at
                  FROM events WHERE author_id = $1 ORDER BY created_at`,
        },
      },
      {
        table: 'event_rsvps',
        columns: { user_id: 'custom' },
        export: {
          key: 'events.rsvps',
          sql: 'SELECT event_id, status, responded_at FROM event_rsvps WHERE user_id = $1 ORDER BY responded_at',
        },
      },
      {
        table: 'event_reminders_sent',
        columns: { user_id: 'delete' },
        export: {
          key: 'events.reminders',
          sql: 'SELECT event_id, sent_at FROM event_reminders_sent WHERE user_id = $1 ORDER BY sent_at',
        },
      },
      {
        table: 'calendar_feeds',
        columns: { user_id: 'delete' },
        export: { none: 'A secret token only (the calendar feed address, shown as me.calendarUrl).' },
      },
    ],
  };
}
