import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail: the messages to send (written in the transaction of their cause, sent by `mail.send`
 * jobs), password reset tokens (hashed), each person's notification e-mail settings, and which
 * notifications were already e-mailed.
 */
export class Mail1764613000000 implements MigrationInterface {
  name = 'Mail1764613000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Idempotency key of the cause (e.g. invitation:<id>:<token hash>): one message per cause.
        key text NOT NULL UNIQUE,
        kind text NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE CASCADE,
        recipient text NOT NULL,
        sender_name text NOT NULL,
        subject text NOT NULL,
        -- Cleared once sent: links with secrets do not outlive their delivery.
        text_body text,
        html_body text,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        -- The "sent" record: set in the transaction that sent it, checked under a row lock before sending.
        sent_at timestamptz,
        smtp_response text
      )`);
    await db.query(`CREATE INDEX mail_messages_user ON mail_messages (user_id) WHERE user_id IS NOT NULL`);
    await db.query(`CREATE INDEX mail_messages_unsent ON mail_messages (created_at) WHERE sent_at IS NULL`);
    await db.query(`CREATE INDEX mail_messages_sent ON mail_messages (sent_at) WHERE sent_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_user ON password_resets (user_id) WHERE used_at IS NULL`);

    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email_frequency text NOT NULL DEFAULT 'DAILY'
          CHECK (email_frequency IN ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER')),
        muted_types text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`ALTER TABLE notifications ADD COLUMN emailed_at timestamptz`);
    // What existed before e-mail is not e-mailed now.
    await db.query(`UPDATE notifications SET emailed_at = now()`);
    await db.query(
      `CREATE INDEX notifications_to_email ON notifications (user_id, created_at) WHERE emailed_at IS NULL AND read_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_to_email`);
    await db.query(`ALTER TABLE notifications DROP COLUMN emailed_at`);
    await db.query(`DROP TABLE notification_settings`);
    await db.query(`DROP TABLE password_resets`);
    await db.query(`DROP TABLE mail_messages`);
  }
}
