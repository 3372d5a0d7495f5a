import { EntityManager } from 'typeorm';
import { PersonalDataDeclaration } from '../../common/personal-data/personal-data';

/**
 * The person leaves every conversation; one left with nobody is deleted with its messages. (Two
 * statements: within one, the second would not yet see the participant rows the first deleted.)
 */
async function erase(manager: EntityManager, userId: string): Promise<void> {
  const left = (await manager.query(
    'WITH gone AS (DELETE FROM conversation_participants WHERE user_id = $1 RETURNING conversation_id) SELECT conversation_id FROM gone',
    [userId],
  )) as { conversation_id: string }[];
  await manager.query(
    `DELETE FROM conversations c WHERE c.id = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = c.id)`,
    [left.map((row) => row.conversation_id)],
  );
}

/**
 * A conversation belongs to all its participants: messages the person sent stay in their
 * correspondents' conversations, signed "Ancien membre".
 */
export const MESSAGING_PERSONAL_DATA: PersonalDataDeclaration = {
  module: 'messaging',
  erase,
  tables: [
    {
      table: 'conversations',
      columns: { created_by: 'clear' },
      export: { none: 'the conversations the person takes part in are exported from conversation_participants' },
    },
    {
      table: 'conversation_participants',
      columns: { user_id: 'custom' },
      export: {
        key: 'conversations',
        sql: 'SELECT conversation_id, joined_at, last_read_seq FROM conversation_participants WHERE user_id = $1',
      },
    },
    {
      table: 'messages',
      columns: { sender_id: 'reattribute' },
      export: {
        key: 'messagesSent',
        sql: 'SELECT id, conversation_id, body, client_id, created_at FROM messages WHERE sender_id = $1 ORDER BY created_at',
      },
    },
  ],
};
