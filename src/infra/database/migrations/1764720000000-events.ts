import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events in groups, their RSVPs (with the waitlist order), the reminders already sent, and each
 * person's secret calendar feed token. Times are instants (timestamptz): shown in Europe/Paris.
 */
export class Events1764720000000 implements MigrationInterface {
  name = 'Events1764720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        location text,
        online_url text,
        -- NULL: no limit.
        capacity int CHECK (capacity IS NULL OR capacity >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        CHECK (ends_at >= starts_at)
      )`);
    await db.query(`CREATE INDEX events_group_start ON events (group_id, starts_at, id)`);
    await db.query(`CREATE INDEX events_author ON events (author_id) WHERE author_id IS NOT NULL`);

    // The waitlist order: `seq` is taken from one sequence under the event's row lock, so it is the
    // order in which people asked (re-taken when someone asks again after withdrawing).
    await db.query(`CREATE SEQUENCE event_rsvp_seq`);
    await db.query(`
      CREATE TABLE event_rsvps (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('GOING', 'WAITLISTED', 'NOT_GOING')),
        seq bigint NOT NULL DEFAULT nextval('event_rsvp_seq'),
        responded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);
    await db.query(`CREATE INDEX event_rsvps_order ON event_rsvps (event_id, status, seq)`);
    await db.query(`CREATE INDEX event_rsvps_user ON event_rsvps (user_id, status)`);

    // One reminder per person and event, whatever how often the job runs.
    await db.query(`
      CREATE TABLE event_reminders_sent (
        event_id uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_feeds');
    await db.query('DROP TABLE event_reminders_sent');
    await db.query('DROP TABLE event_rsvps');
    await db.query('DROP SEQUENCE event_rsvp_seq');
    await db.query('DROP TABLE events');
  }
}
