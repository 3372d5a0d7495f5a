import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements to a segment, each with its audience snapshotted at send time (one row per
 * recipient: reach is counted from these rows, never from counters that drift); renewal reminders'
 * sent log (one row per member, dues period and milestone: a second run sends nothing); and the two
 * e-mail preferences (announcements, renewal reminders), on by default.
 */
export class Announcements1764710000000 implements MigrationInterface {
  name = 'Announcements1764710000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE announcements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        -- The segment it was sent to (kept as a plain id: deleting a segment keeps its announcements).
        segment_id uuid,
        segment_name text,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL,
        body text NOT NULL,
        channels text[] NOT NULL,
        require_acknowledgement boolean NOT NULL DEFAULT false,
        sent_at timestamptz NOT NULL DEFAULT now(),
        -- Set by the last fan-out batch: every notification and e-mail is queued.
        delivered_at timestamptz
      )`);
    await db.query(`CREATE INDEX announcements_organization ON announcements (organization_id, sent_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE announcement_recipients (
        announcement_id uuid NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- Copied from the announcement so "my announcements" pages on one index.
        sent_at timestamptz NOT NULL,
        notified_at timestamptz,
        emailed_at timestamptz,
        read_at timestamptz,
        acknowledged_at timestamptz,
        PRIMARY KEY (announcement_id, user_id)
      )`);
    await db.query(
      `CREATE INDEX announcement_recipients_user ON announcement_recipients (user_id, sent_at DESC, announcement_id DESC)`,
    );

    await db.query(`
      CREATE TABLE renewal_reminders (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        -- The end of the dues period it is about: a renewal starts a new cycle of reminders.
        paid_until date NOT NULL,
        milestone text NOT NULL CHECK (milestone IN ('ENDS_IN_30', 'ENDS_IN_7', 'LAPSED_7')),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id, paid_until, milestone)
      )`);
    await db.query(`CREATE INDEX renewal_reminders_user ON renewal_reminders (user_id)`);

    await db.query(`ALTER TABLE notification_settings ADD COLUMN email_announcements boolean NOT NULL DEFAULT true`);
    await db.query(
      `ALTER TABLE notification_settings ADD COLUMN email_renewal_reminders boolean NOT NULL DEFAULT true`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_settings DROP COLUMN email_renewal_reminders`);
    await db.query(`ALTER TABLE notification_settings DROP COLUMN email_announcements`);
    await db.query(`DROP TABLE renewal_reminders`);
    await db.query(`DROP TABLE announcement_recipients`);
    await db.query(`DROP TABLE announcements`);
  }
}
