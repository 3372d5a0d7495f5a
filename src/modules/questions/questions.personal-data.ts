import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/** Votes are withdrawn and the answers' scores recomputed without them. */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  // (A CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count].)
  const voted = (await manager.query(
    'WITH gone AS (DELETE FROM answer_votes WHERE user_id = $1 RETURNING answer_id) SELECT answer_id FROM gone',
    [userId],
  )) as { answer_id: string }[];
  if (voted.length === 0) return;
  await manager.query(
    `UPDATE answers a SET score = (SELECT coalesce(sum(value), 0) FROM answer_votes v WHERE v.answer_id = a.id)
      WHERE a.id = ANY($1::uuid[])`,
    [voted.map((row) => row.answer_id)],
  );
}

/** Questions and answers are public contributions: they stay, signed "Ancien membre". */
export const QUESTIONS_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'questions',
  erase,
  tables: [
    {
      table: 'questions',
      columns: { author_id: 'reattribute' },
      export: {
        key: 'questions',
        sql: 'SELECT id, group_id, title, body, tags, status, created_at FROM questions WHERE author_id = $1 ORDER BY created_at',
      },
    },
    {
      table: 'answers',
      columns: { author_id: 'reattribute' },
      export: {
        key: 'answers',
        sql: 'SELECT id, question_id, body, score, created_at FROM answers WHERE author_id = $1 ORDER BY created_at',
      },
    },
    {
      table: 'answer_votes',
      columns: { user_id: 'custom' },
      export: { key: 'votes', sql: 'SELECT answer_id, value, created_at FROM answer_votes WHERE user_id = $1' },
    },
  ],
};
