import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Association life (issue 14): each membership's categories, dues payments (dated periods, from
 * which the dues status is computed, never stored), the organisation's grace period, saved member
 * filters (segments, five built in per organisation) and CSV imports run as jobs.
 */
export class MembersDues1764700000000 implements MigrationInterface {
  name = 'MembersDues1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organization_memberships ADD COLUMN categories text[] NOT NULL DEFAULT '{}'
      CHECK (categories <@ ARRAY['ADHERENT', 'BENEVOLE', 'SALARIE', 'ELU']::text[])`);
    await db.query(
      `CREATE INDEX organization_memberships_categories ON organization_memberships USING gin (categories)`,
    );
    await db.query(`ALTER TABLE organizations ADD COLUMN dues_grace_days int NOT NULL DEFAULT 30
      CHECK (dues_grace_days BETWEEN 0 AND 366)`);

    await db.query(`
      CREATE TABLE dues_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        -- NULL once the person is erased: the amount stays for the accounts, anonymised.
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        amount_cents int NOT NULL CHECK (amount_cents >= 0),
        paid_on date NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        reference text,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (period_end >= period_start)
      )`);
    // The dues status of a membership is max(period_end) of its payments: one index range per membership.
    await db.query(
      `CREATE INDEX dues_payments_membership ON dues_payments (organization_id, user_id, period_end DESC) WHERE user_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX dues_payments_user ON dues_payments (user_id) WHERE user_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX dues_payments_recorded_by ON dues_payments (recorded_by) WHERE recorded_by IS NOT NULL`,
    );

    await db.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        filter jsonb NOT NULL DEFAULT '{}',
        -- The key of a built-in segment (e.g. 'dues-up-to-date'); NULL for one an admin saved.
        built_in text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX segments_organization ON segments (organization_id, created_at)`);
    await db.query(
      `CREATE UNIQUE INDEX segments_built_in ON segments (organization_id, built_in) WHERE built_in IS NOT NULL`,
    );
    await db.query(`CREATE INDEX segments_created_by ON segments (created_by) WHERE created_by IS NOT NULL`);

    await db.query(`
      CREATE TABLE member_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        started_by uuid REFERENCES users(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        -- The file, kept until the job has applied it (then cleared: it holds personal data).
        csv text,
        total int NOT NULL DEFAULT 0,
        processed int NOT NULL DEFAULT 0,
        report jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query(`CREATE INDEX member_imports_organization ON member_imports (organization_id, created_at DESC)`);
    await db.query(
      `CREATE INDEX member_imports_started_by ON member_imports (started_by) WHERE started_by IS NOT NULL`,
    );

    // People invited by an import: their categories and dues wait for them to accept.
    await db.query(`ALTER TABLE invitations ADD COLUMN categories text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE invitations ADD COLUMN dues_paid_until date`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE invitations DROP COLUMN dues_paid_until, DROP COLUMN categories`);
    await db.query(`DROP TABLE member_imports`);
    await db.query(`DROP TABLE segments`);
    await db.query(`DROP TABLE dues_payments`);
    await db.query(`ALTER TABLE organizations DROP COLUMN dues_grace_days`);
    await db.query(`DROP INDEX organization_memberships_categories`);
    await db.query(`ALTER TABLE organization_memberships DROP COLUMN categories`);
  }
}
