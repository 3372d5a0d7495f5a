import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** Reactions are withdrawn: the counts they added come off before the rows go. */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(
    'UPDATE posts SET reaction_count = reaction_count - 1 WHERE id IN (SELECT post_id FROM reactions WHERE user_id = $1)',
    [userId],
  );
}

/** Posts and comments are public contributions: they stay, signed "Ancien membre". */
export const POSTS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'posts',
  erase,
  tables: [
    {
      table: 'posts',
      columns: { author_id: 'reattribute' },
      export: {
        key: 'posts',
        sql: 'SELECT id, group_id, body, created_at, edited_at, deleted_at FROM posts WHERE author_id = $1 ORDER BY created_at',
      },
    },
    {
      table: 'comments',
      columns: { author_id: 'reattribute' },
      export: {
        key: 'comments',
        sql: 'SELECT id, post_id, body, created_at, deleted_at FROM comments WHERE author_id = $1 ORDER BY created_at',
      },
    },
    {
      table: 'reactions',
      columns: { user_id: 'delete' },
      export: { key: 'reactions', sql: 'SELECT post_id, created_at FROM reactions WHERE user_id = $1' },
    },
  ],
};
