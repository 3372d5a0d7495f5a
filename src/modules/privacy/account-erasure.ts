import { EntityManager } from 'typeorm';
import { ConflictError } from '../../common/errors/app-error';
import { DomainEvents } from '../../common/events/domain-events';

/** The one account every erased person's public contributions point to: "Ancien membre". */
export const FORMER_MEMBER_ID = '00000000-0000-4000-8000-000000000000';
export const FORMER_MEMBER_NAME = 'Ancien membre';

/**
 * Erases a person (RGPD art. 17), in the caller's transaction:
 * - public contributions (posts, comments, questions, answers) stay, re-attributed to the shared
 *   "Ancien membre" account, so nothing can be listed by the old identity;
 * - direct and group messages they sent stay with their correspondents, signed "Ancien membre";
 *   they leave every conversation, and a conversation left with nobody is deleted;
 * - reactions and votes are withdrawn (counts and scores follow);
 * - the user row goes, and with it (cascades) email, name, profile, sessions and tokens,
 *   memberships, follows, join requests, notifications and read positions;
 * - `account.erased` is published: search re-indexes their contributions and drops their own document.
 */
export async function eraseAccount(manager: EntityManager, events: DomainEvents, userId: string): Promise<void> {
  const [lastAdmin] = (await manager.query(
    `SELECT 1 FROM organizations o
      WHERE o.kind = 'FEDERATION'
        AND EXISTS (SELECT 1 FROM organization_memberships m WHERE m.organization_id = o.id AND m.user_id = $1 AND m.role = 'ADMIN')
        AND (SELECT count(*) FROM organization_memberships m WHERE m.organization_id = o.id AND m.role = 'ADMIN') = 1`,
    [userId],
  )) as unknown[];
  if (lastAdmin) throw new ConflictError('The federation’s last admin cannot be erased: name another admin first');

  await manager.query(
    `INSERT INTO users (id, email, password_hash, display_name, deactivated_at)
     VALUES ($1, 'ancien-membre@invalid', '!', $2, now()) ON CONFLICT (id) DO NOTHING`,
    [FORMER_MEMBER_ID, FORMER_MEMBER_NAME],
  );
  const ids = (sql: string) => manager.query(sql, [userId]).then((rows: { id: string }[]) => rows.map((row) => row.id));
  const erased = {
    type: 'account.erased' as const,
    userId,
    postIds: await ids('SELECT id FROM posts WHERE author_id = $1'),
    questionIds: await ids('SELECT id FROM questions WHERE author_id = $1'),
    answerIds: await ids('SELECT id FROM answers WHERE author_id = $1'),
  };
  for (const table of ['posts', 'comments', 'questions', 'answers']) {
    await manager.query(`UPDATE ${table} SET author_id = $2 WHERE author_id = $1`, [userId, FORMER_MEMBER_ID]);
  }
  await manager.query('UPDATE messages SET sender_id = $2 WHERE sender_id = $1', [userId, FORMER_MEMBER_ID]);
  await manager.query(
    'UPDATE posts SET reaction_count = reaction_count - 1 WHERE id IN (SELECT post_id FROM reactions WHERE user_id = $1)',
    [userId],
  );
  // (A CTE: TypeORM answers a bare DELETE … RETURNING with [rows, count].)
  const votedIds = (await manager.query(
    'WITH gone AS (DELETE FROM answer_votes WHERE user_id = $1 RETURNING answer_id) SELECT answer_id FROM gone',
    [userId],
  )) as { answer_id: string }[];
  if (votedIds.length) {
    await manager.query(
      `UPDATE answers a SET score = (SELECT coalesce(sum(value), 0) FROM answer_votes v WHERE v.answer_id = a.id)
        WHERE a.id = ANY($1::uuid[])`,
      [votedIds.map((row) => row.answer_id)],
    );
  }
  const conversations = (await manager.query(
    'SELECT conversation_id FROM conversation_participants WHERE user_id = $1',
    [userId],
  )) as { conversation_id: string }[];
  // The invitations that named them hold their email: they go too.
  await manager.query('DELETE FROM invitations WHERE lower(email) = (SELECT lower(email) FROM users WHERE id = $1)', [
    userId,
  ]);
  await manager.query('DELETE FROM users WHERE id = $1', [userId]);
  await manager.query(
    `DELETE FROM conversations c WHERE c.id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = c.id)`,
    [conversations.map((row) => row.conversation_id)],
  );
  await events.publish(manager, erased);
}
