import { MigrationInterface, QueryRunner } from 'typeorm';

/** Questions, answers and votes; the search outbox that feeds Meilisearch from PostgreSQL. */
export class QuestionsSearch1764200000000 implements MigrationInterface {
  name = 'QuestionsSearch1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED')),
        accepted_answer_id uuid,
        answer_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX questions_group_recent ON questions (group_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(`CREATE INDEX questions_tags ON questions USING gin (tags)`);

    await db.query(`
      CREATE TABLE answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        score int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX answers_by_votes ON answers (question_id, score DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX answers_by_date ON answers (question_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );
    await db.query(
      `ALTER TABLE questions ADD CONSTRAINT questions_accepted_answer FOREIGN KEY (accepted_answer_id) REFERENCES answers(id) ON DELETE SET NULL`,
    );

    await db.query(`
      CREATE TABLE answer_votes (
        answer_id uuid NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        value smallint NOT NULL CHECK (value IN (-1, 1)),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (answer_id, user_id)
      )`);

    // Index work queued in the same transaction as the write that causes it: the index hears of a write exactly when it commits.
    await db.query(`
      CREATE TABLE search_outbox (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('question', 'answer', 'post', 'group', 'person')),
        entity_id uuid NOT NULL,
        enqueued_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await db.query(`CREATE INDEX search_outbox_available ON search_outbox (available_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['search_outbox', 'answer_votes']) await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`ALTER TABLE questions DROP CONSTRAINT IF EXISTS questions_accepted_answer`);
    for (const table of ['answers', 'questions']) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
