import { MigrationInterface, QueryRunner } from 'typeorm';

/** Directory consent and phone, membership end (for retention), the audit log and the retention log. */
export class PrivacyAudit1764400000000 implements MigrationInterface {
  name = 'PrivacyAudit1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN phone text`);
    // Which optional fields other members may see. Email and phone are hidden by default.
    await db.query(`ALTER TABLE users ADD COLUMN profile_visibility jsonb NOT NULL
      DEFAULT '{"email": false, "phone": false, "jobTitle": true, "bio": true, "skills": true, "interests": true, "avatarUrl": true}'`);
    // Set when a person's last organisation membership ends; cleared when they join again.
    await db.query(`ALTER TABLE users ADD COLUMN memberships_ended_at timestamptz`);
    await db.query(
      `CREATE INDEX users_memberships_ended ON users (memberships_ended_at) WHERE memberships_ended_at IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_organization ON audit_log (organization_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE data_retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL DEFAULT now(),
        retention_months int NOT NULL,
        purged_count int NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS data_retention_runs`);
    await db.query(`DROP TABLE IF EXISTS audit_log`);
    await db.query(
      `ALTER TABLE users DROP COLUMN IF EXISTS memberships_ended_at, DROP COLUMN IF EXISTS profile_visibility, DROP COLUMN IF EXISTS phone`,
    );
  }
}
