import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commissions: a pair of groups of one organisation (a PRIVATE working group and a PUBLIC
 * showcase), and the working posts proposed for publication and their copies in the showcase.
 * Runs after the files migration (1764730000000): a copy's attachments are rows of `files`.
 */
export class Commissions1764740000000 implements MigrationInterface {
  name = 'Commissions1764740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE commissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        working_group_id uuid NOT NULL UNIQUE REFERENCES groups(id) ON DELETE CASCADE,
        showcase_group_id uuid NOT NULL UNIQUE REFERENCES groups(id) ON DELETE CASCADE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (working_group_id <> showcase_group_id)
      )`);
    await db.query(`CREATE INDEX commissions_organization ON commissions (organization_id, created_at, id)`);

    // One row per working post proposed (or published directly); the copy once published.
    await db.query(`
      CREATE TABLE commission_publications (
        post_id uuid PRIMARY KEY REFERENCES posts(id) ON DELETE CASCADE,
        commission_id uuid NOT NULL REFERENCES commissions(id) ON DELETE CASCADE,
        proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users(id) ON DELETE SET NULL,
        published_at timestamptz,
        copy_post_id uuid UNIQUE REFERENCES posts(id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX commission_publications_commission ON commission_publications (commission_id)`);
    await db.query(
      `CREATE INDEX commission_publications_proposed_by ON commission_publications (proposed_by) WHERE proposed_by IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX commission_publications_published_by ON commission_publications (published_by) WHERE published_by IS NOT NULL`,
    );

    // A published copy's attachments share the original's stored objects: erasure looks up who else uses a key.
    await db.query(`CREATE INDEX files_storage_key ON files (storage_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX files_storage_key');
    await db.query('DROP TABLE commission_publications');
    await db.query('DROP TABLE commissions');
  }
}
