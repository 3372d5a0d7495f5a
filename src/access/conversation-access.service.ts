import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../common/errors/app-error';

/**
 * Who may read a conversation: its participants, and nobody else (not even an admin). Not taking
 * part looks exactly like the conversation not existing: NOT_FOUND, never FORBIDDEN.
 */
@Injectable()
export class ConversationAccess {
  constructor(private readonly db: DataSource) {}

  /**
   * NOT_FOUND unless the viewer takes part. With `lock`, the conversation row stays locked until
   * the caller's transaction ends (sending takes the next sequence number under it).
   */
  async assertParticipant(
    viewerId: string,
    conversationId: string,
    { manager = this.db.manager, lock = false }: { manager?: EntityManager; lock?: boolean } = {},
  ): Promise<void> {
    const [row] = (await manager.query(
      `SELECT c.id FROM conversations c
         JOIN conversation_participants p ON p.conversation_id = c.id AND p.user_id = $2
        WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
      [conversationId, viewerId],
    )) as { id: string }[];
    if (!row) throw new NotFoundError('Conversation');
  }

  /** The ids among `conversationIds` in which the viewer takes part. */
  async participating(viewerId: string, conversationIds: readonly string[]): Promise<Set<string>> {
    if (conversationIds.length === 0) return new Set();
    const rows = (await this.db.query(
      'SELECT conversation_id FROM conversation_participants WHERE user_id = $1 AND conversation_id = ANY($2::uuid[])',
      [viewerId, conversationIds],
    )) as { conversation_id: string }[];
    return new Set(rows.map((row) => row.conversation_id));
  }

  /** Everyone who takes part: the recipients of its events, read at the moment they are sent. */
  async participantIds(conversationId: string, manager: EntityManager = this.db.manager): Promise<string[]> {
    const rows = (await manager.query('SELECT user_id FROM conversation_participants WHERE conversation_id = $1', [
      conversationId,
    ])) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }

  /** Everyone who shares a conversation with the person: who hears about their presence. */
  async partners(userId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT o.user_id FROM conversation_participants me
         JOIN conversation_participants o ON o.conversation_id = me.conversation_id AND o.user_id <> me.user_id
        WHERE me.user_id = $1`,
      [userId],
    )) as { user_id: string }[];
    return rows.map((row) => row.user_id);
  }
}
