import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conversations, participants with their read position, and messages ordered by a per-conversation sequence. */
export class Conversations1764300000000 implements MigrationInterface {
  name = 'Conversations1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('DIRECT', 'GROUP')),
        title text,
        -- "<smaller user id>:<larger user id>" for DIRECT conversations: one per pair.
        direct_key text UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        last_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'DIRECT') = (direct_key IS NOT NULL))
      )`);

    await db.query(`
      CREATE TABLE conversation_participants (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        last_read_seq bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (conversation_id, user_id)
      )`);
    await db.query(
      `CREATE INDEX conversation_participants_user ON conversation_participants (user_id, conversation_id)`,
    );

    await db.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        sender_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        client_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, seq),
        UNIQUE (sender_id, client_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['messages', 'conversation_participants', 'conversations'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
