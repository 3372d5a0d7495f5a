import { MigrationInterface, QueryRunner } from 'typeorm';

/** Groups and their members, join requests, follows, posts, comments, reactions and stored notifications. */
export class GroupsPostsFeed1764100000000 implements MigrationInterface {
  name = 'GroupsPostsFeed1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        description text,
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
        topics text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX groups_organization ON groups (organization_id)`);
    await db.query(`CREATE INDEX groups_name_order ON groups (maillage_fold(name), id)`);
    await db.query(`CREATE INDEX groups_name_trgm ON groups USING gin (maillage_fold(name) gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE group_memberships (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'MODERATOR', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);
    await db.query(`CREATE INDEX group_memberships_user ON group_memberships (user_id, group_id)`);

    await db.query(`
      CREATE TABLE group_join_requests (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE group_follows (
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, user_id)
      )`);
    await db.query(`CREATE INDEX group_follows_user ON group_follows (user_id, group_id)`);

    await db.query(`
      CREATE TABLE organization_follows (
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, user_id)
      )`);
    await db.query(`CREATE INDEX organization_follows_user ON organization_follows (user_id, organization_id)`);

    await db.query(`
      CREATE TABLE posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        comment_count int NOT NULL DEFAULT 0,
        reaction_count int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    // The feed and group lists walk live posts newest first: (group, time, id) serves both.
    await db.query(
      `CREATE INDEX posts_group_recent ON posts (group_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(`CREATE INDEX comments_post_order ON comments (post_id, created_at, id) WHERE deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE reactions (
        post_id uuid NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (post_id, user_id)
      )`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
        subject_id uuid,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_recent ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'notifications',
      'reactions',
      'comments',
      'posts',
      'organization_follows',
      'group_follows',
      'group_join_requests',
      'group_memberships',
      'groups',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
