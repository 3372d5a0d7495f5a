import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions routed to competent people: who was asked to answer which question, in which wave and
 * why; which waves of a question already ran (wave 3 is the escalation to managers and staff); and
 * each person's choice to accept or pause routed questions.
 */
export class QuestionRouting1764750000000 implements MigrationInterface {
  name = 'QuestionRouting1764750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE question_routings (
        question_id uuid NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        wave int NOT NULL CHECK (wave IN (1, 2)),
        -- Place in the ranking of its wave (1 = best).
        rank int NOT NULL,
        reasons text[] NOT NULL DEFAULT '{}',
        routed_at timestamptz NOT NULL DEFAULT now(),
        declined_at timestamptz,
        -- One routing per person and question: a retried job never asks (or notifies) twice.
        PRIMARY KEY (question_id, user_id)
      )`);
    // The inbox (newest first) and the weekly cap both read a person's routings by time.
    await db.query(
      `CREATE INDEX question_routings_user ON question_routings (user_id, routed_at DESC, question_id DESC)`,
    );

    await db.query(`
      CREATE TABLE question_routing_waves (
        question_id uuid NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        wave int NOT NULL CHECK (wave IN (1, 2, 3)),
        ran_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (question_id, wave)
      )`);
    // Open, unanswered questions are the ones the wave scheduler looks at.
    await db.query(
      `CREATE INDEX questions_unanswered ON questions (created_at) WHERE answer_count = 0 AND status = 'OPEN' AND deleted_at IS NULL`,
    );

    await db.query(`ALTER TABLE notification_settings ADD COLUMN accepts_questions boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notification_settings DROP COLUMN accepts_questions`);
    await db.query(`DROP INDEX questions_unanswered`);
    await db.query(`DROP TABLE question_routing_waves`);
    await db.query(`DROP TABLE question_routings`);
  }
}
