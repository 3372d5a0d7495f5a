import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the engagement figures: every contribution of a time window, with its author, read
 * from an index alone (no visit to the bodies), the accepted answers, each question's first
 * answer, and the sessions used since a date.
 */
export class Engagement1764760000000 implements MigrationInterface {
  name = 'Engagement1764760000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX posts_recent_authors ON posts (created_at) INCLUDE (author_id) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX comments_recent_authors ON comments (created_at) INCLUDE (author_id) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX questions_recent_authors ON questions (created_at) INCLUDE (author_id, id) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX answers_recent_authors ON answers (created_at) INCLUDE (author_id, id) WHERE deleted_at IS NULL`,
    );
    // Which answers are accepted, and each question's first answer with its author (not the asker's own).
    await db.query(
      `CREATE INDEX questions_accepted_answer ON questions (accepted_answer_id) WHERE accepted_answer_id IS NOT NULL AND deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX answers_first ON answers (question_id, created_at) INCLUDE (author_id) WHERE deleted_at IS NULL`,
    );
    await db.query(`CREATE INDEX sessions_last_used ON sessions (last_used_at) INCLUDE (user_id)`);
    // Events held in a window (attendance), and announcements delivered in it (reach).
    await db.query(`CREATE INDEX events_held ON events (starts_at) WHERE cancelled_at IS NULL`);
    await db.query(
      `CREATE INDEX announcement_recipients_sent ON announcement_recipients (sent_at) INCLUDE (user_id, read_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'announcement_recipients_sent',
      'events_held',
      'sessions_last_used',
      'answers_first',
      'questions_accepted_answer',
      'answers_recent_authors',
      'questions_recent_authors',
      'comments_recent_authors',
      'posts_recent_authors',
    ])
      await db.query(`DROP INDEX IF EXISTS ${index}`);
  }
}
