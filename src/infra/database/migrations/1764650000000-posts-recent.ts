import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The network's newest live posts, with their group, readable from the index alone: a wide home feed
 * (a viewer in hundreds of groups) walks it once instead of probing every group (issue 17).
 */
export class PostsRecent1764650000000 implements MigrationInterface {
  name = 'PostsRecent1764650000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX posts_recent ON posts (created_at DESC, id DESC) INCLUDE (group_id) WHERE deleted_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX posts_recent`);
  }
}
