import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files: one row per upload. `post_id` is null until a post carries it (an orphan, removed after a
 * day); `group_id` is the carrying post's group, copied when attached, so a group's documents are
 * one index range. The object itself lives in the object store under `storage_key`.
 */
export class Files1764730000000 implements MigrationInterface {
  name = 'Files1764730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        uploader_id uuid REFERENCES users(id) ON DELETE SET NULL,
        name text NOT NULL,
        mime_type text NOT NULL,
        size bigint NOT NULL,
        storage_key text NOT NULL,
        thumbnail_key text,
        post_id uuid REFERENCES posts(id) ON DELETE CASCADE,
        group_id uuid REFERENCES groups(id) ON DELETE CASCADE,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        attached_at timestamptz,
        CHECK ((post_id IS NULL) = (group_id IS NULL))
      )`);
    await db.query(`CREATE INDEX files_post ON files (post_id, position) WHERE post_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX files_group_recent ON files (group_id, created_at DESC, id DESC) WHERE group_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX files_group_name_trgm ON files USING gin (maillage_fold(name) gin_trgm_ops)`);
    await db.query(`CREATE INDEX files_orphans ON files (created_at) WHERE post_id IS NULL`);
    await db.query(`CREATE INDEX files_uploader ON files (uploader_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE files`);
  }
}
