import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { ConversationAccess } from '../../access/conversation-access.service';
import { BadInputError, ConflictError, NotFoundError } from '../../common/errors/app-error';
import { byKey, groupByKey, RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { newestFirst } from '../../common/pagination/filters';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { Locks, lockSession, unlockSession } from '../../infra/database/advisory-locks';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { MessageConnection, toMessageModel } from './messaging.model';

export interface SendInput {
  conversationId: string;
  body: string;
  clientId: string;
}

/**
 * Conversations and messages. A message is committed (with its sequence number, assigned under a
 * row lock on its conversation) before anyone is told; then it is published to every participant's
 * user room. Recipients come from the participants table at send time, so whoever was removed
 * receives nothing more. Not being a participant looks exactly like the conversation not existing.
 */
@Injectable()
export class MessagingService {
  constructor(
    @InjectRepository(ConversationEntity) private readonly conversations: Repository<ConversationEntity>,
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    private readonly db: DataSource,
    private readonly realtime: RealtimePublisher,
    private readonly access: ConversationAccess,
  ) {}

  /** The conversation, when the viewer takes part in it; NOT_FOUND otherwise. */
  async get(viewerId: string, conversationId: string): Promise<ConversationEntity> {
    await this.access.assertParticipant(viewerId, conversationId);
    return this.conversations.findOneByOrFail({ id: conversationId });
  }

  /** With one other person and no title, their DIRECT conversation (created once, then found again); else a new GROUP one. */
  async start(viewerId: string, participantIds: string[], title?: string): Promise<ConversationEntity> {
    const others = [...new Set(participantIds)].filter((id) => id !== viewerId);
    if (others.length === 0) throw new BadInputError({ participantIds: 'must name at least one other person' });
    const [{ count }] = (await this.db.query(
      'SELECT count(*)::int AS count FROM users WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL',
      [others],
    )) as { count: number }[];
    if (count !== others.length) throw new NotFoundError('User');
    const direct = others.length === 1 && !title?.trim();
    const directKey = direct ? [viewerId, others[0]].sort().join(':') : null;
    return this.db.transaction(async (manager) => {
      if (directKey) {
        // Concurrent starts of the same pair meet on the unique key.
        const [existing] = (await manager.query(
          `INSERT INTO conversations (kind, direct_key, created_by) VALUES ('DIRECT', $1, $2)
           ON CONFLICT (direct_key) DO UPDATE SET direct_key = EXCLUDED.direct_key RETURNING id, (xmax = 0) AS created`,
          [directKey, viewerId],
        )) as { id: string; created: boolean }[];
        if (existing.created) await this.addParticipants(manager, existing.id, [viewerId, ...others]);
        return manager.getRepository(ConversationEntity).findOneByOrFail({ id: existing.id });
      }
      const repository = manager.getRepository(ConversationEntity);
      const conversation = await repository.save(
        repository.create({
          kind: 'GROUP',
          title: title?.trim() || null,
          createdBy: viewerId,
          directKey: null,
          lastSeq: '0',
          updatedAt: new Date(),
        }),
      );
      await this.addParticipants(manager, conversation.id, [viewerId, ...others]);
      return conversation;
    });
  }

  private async addParticipants(
    manager: DataSource['manager'],
    conversationId: string,
    userIds: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO conversation_participants (conversation_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [conversationId, userIds],
    );
  }

  /**
   * Stores the message, then broadcasts it. Idempotent: the same (sender, clientId) returns the
   * first message and broadcasts nothing new; the same clientId in another conversation is a
   * CONFLICT (answering with the other conversation's message would tell the client it had sent
   * this one). Returns whether it was created by this call.
   *
   * Order: a per-conversation advisory lock is held from before the sequence number is taken until
   * the broadcast has been handed to the realtime bus, so broadcasts leave in sequence order, and
   * the bus (one Redis channel, in publish order) delivers them in that order on every instance.
   */
  async send(viewerId: string, input: SendInput): Promise<{ message: MessageEntity; created: boolean }> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await lockSession(runner, Locks.conversation(input.conversationId));
      try {
        const outcome = await this.store(runner.manager, viewerId, input);
        if (outcome.created) {
          // On the locked connection: waiting for another pool connection here could deadlock the pool.
          await this.realtime.publish({
            userIds: await this.access.participantIds(outcome.message.conversationId, runner.manager),
            event: 'message:new',
            payload: toMessageModel(outcome.message),
          });
        }
        return outcome;
      } finally {
        await unlockSession(runner, Locks.conversation(input.conversationId));
      }
    } finally {
      await runner.release();
    }
  }

  private async store(
    manager: EntityManager,
    viewerId: string,
    input: SendInput,
  ): Promise<{ message: MessageEntity; created: boolean }> {
    return manager
      .transaction(async (tx) => {
        const [previous] = await tx
          .getRepository(MessageEntity)
          .findBy({ senderId: viewerId, clientId: input.clientId });
        if (previous) return { message: sameConversation(previous, input), created: false };
        await this.access.assertParticipant(viewerId, input.conversationId, { manager: tx, lock: true });
        const [inserted] = (await tx.query(
          `WITH next AS (UPDATE conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq)
           INSERT INTO messages (conversation_id, seq, sender_id, body, client_id)
           SELECT $1, next.last_seq, $2, $3, $4 FROM next
           ON CONFLICT (sender_id, client_id) DO NOTHING
           RETURNING id`,
          [input.conversationId, viewerId, input.body.trim(), input.clientId],
        )) as { id: string }[];
        // The same clientId sent at once to another conversation won: undo our sequence bump.
        if (!inserted) throw new RetryRace();
        return { message: await tx.getRepository(MessageEntity).findOneByOrFail({ id: inserted.id }), created: true };
      })
      .catch(async (err: unknown) => {
        if (!(err instanceof RetryRace)) throw err;
        const [first] = await manager
          .getRepository(MessageEntity)
          .findBy({ senderId: viewerId, clientId: input.clientId });
        return { message: sameConversation(first, input), created: false };
      });
  }

  /** Messages in send order: the latest `first` by default, or those after / before a message. */
  async history(
    viewerId: string,
    args: { conversationId: string; first: number; after?: string; before?: string },
  ): Promise<MessageConnection> {
    await this.get(viewerId, args.conversationId);
    const seqOf = async (messageId: string, field: string) => {
      const [row] = (await this.db.query('SELECT seq FROM messages WHERE id = $1 AND conversation_id = $2', [
        messageId,
        args.conversationId,
      ])) as {
        seq: string;
      }[];
      if (!row) throw new BadInputError({ [field]: 'is not a message of this conversation' });
      return row.seq;
    };
    const after = args.after ? await seqOf(args.after, 'after') : null;
    const before = args.before ? await seqOf(args.before, 'before') : null;
    const latestPage = after === null; // without `after`, take the newest page and return it oldest first
    const rows = (await this.db.query(
      `SELECT id FROM messages WHERE conversation_id = $1
          AND ($2::bigint IS NULL OR seq > $2) AND ($3::bigint IS NULL OR seq < $3)
        ORDER BY seq ${latestPage ? 'DESC' : 'ASC'} LIMIT $4`,
      [args.conversationId, after, before, args.first + 1],
    )) as { id: string }[];
    const more = rows.length > args.first;
    const ids = rows.slice(0, args.first).map((row) => row.id);
    if (latestPage) ids.reverse();
    const found = byKey(ids, await this.messages.findBy({ id: In(ids) }), (m) => m.id) as MessageEntity[];
    const edges = found.map((message) => ({ cursor: message.id, node: toMessageModel(message) }));
    const firstSeq = found[0]?.seq;
    const lastSeq = found.at(-1)?.seq;
    const [bounds] = (await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND seq < $2) AS older,
              EXISTS (SELECT 1 FROM messages WHERE conversation_id = $1 AND seq > $3) AS newer`,
      [args.conversationId, firstSeq ?? after ?? before ?? 0, lastSeq ?? after ?? before ?? 0],
    )) as { older: boolean; newer: boolean }[];
    return {
      edges,
      pageInfo: {
        hasNextPage: latestPage ? bounds.newer : more,
        hasPreviousPage: latestPage ? more : bounds.older,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** Moves the viewer's read position forward (never back); tells the other participants. */
  async markRead(viewerId: string, conversationId: string, messageId: string): Promise<ConversationEntity> {
    const conversation = await this.get(viewerId, conversationId);
    const [message] = (await this.db.query('SELECT seq FROM messages WHERE id = $1 AND conversation_id = $2', [
      messageId,
      conversationId,
    ])) as {
      seq: string;
    }[];
    if (!message) throw new NotFoundError('Message');
    await this.db.query(
      'UPDATE conversation_participants SET last_read_seq = greatest(last_read_seq, $3) WHERE conversation_id = $1 AND user_id = $2',
      [conversationId, viewerId, message.seq],
    );
    const others = (await this.access.participantIds(conversationId)).filter((id) => id !== viewerId);
    this.realtime.publish({
      userIds: others,
      event: 'conversation:read',
      payload: { conversationId, userId: viewerId, messageId },
    });
    return conversation;
  }

  /** The viewer's conversations, most recently active first. */
  async list(viewerId: string, first: number, after?: string): Promise<Connection<ConversationEntity>> {
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT c.id FROM conversations c JOIN conversation_participants p ON p.conversation_id = c.id',
      where: ['p.user_id = $1'],
      params: [viewerId],
      ...newestFirst('c', 'updated_at'),
      first,
      after,
    });
    return hydrate(page, this.conversations);
  }

  participants(loaders: RequestLoaders, conversationId: string): Promise<string[]> {
    return loaders
      .get<string, string[]>('conversations.participants', async (ids) => {
        const rows = (await this.db.query(
          'SELECT conversation_id, user_id FROM conversation_participants WHERE conversation_id = ANY($1::uuid[]) ORDER BY joined_at, user_id',
          [ids],
        )) as { conversation_id: string; user_id: string }[];
        return groupByKey(ids, rows, (row) => row.conversation_id).map((group) => group.map((row) => row.user_id));
      })
      .load(conversationId);
  }

  lastMessage(loaders: RequestLoaders, conversationId: string): Promise<MessageEntity | null> {
    return loaders
      .get<string, MessageEntity | null>('conversations.lastMessage', async (ids) => {
        const rows = await this.messages
          .createQueryBuilder('m')
          .innerJoin(ConversationEntity, 'c', 'c.id = m.conversation_id AND c.last_seq = m.seq')
          .where('m.conversation_id IN (:...ids)', { ids })
          .getMany();
        return byKey(ids, rows, (m) => m.conversationId);
      })
      .load(conversationId);
  }

  /** Each participant's read position (the seq of the last message they saw), the viewer's included. */
  readPositions(loaders: RequestLoaders, conversationId: string): Promise<{ userId: string; lastReadSeq: number }[]> {
    return loaders
      .get<string, { userId: string; lastReadSeq: number }[]>('conversations.readPositions', async (ids) => {
        const rows = (await this.db.query(
          `SELECT conversation_id, user_id, last_read_seq FROM conversation_participants
            WHERE conversation_id = ANY($1::uuid[]) ORDER BY joined_at, user_id`,
          [ids],
        )) as { conversation_id: string; user_id: string; last_read_seq: string | number }[];
        return groupByKey(ids, rows, (row) => row.conversation_id).map((group) =>
          group.map((row) => ({ userId: row.user_id, lastReadSeq: Number(row.last_read_seq) })),
        );
      })
      .load(conversationId);
  }

  unreadCount(loaders: RequestLoaders, viewerId: string, conversationId: string): Promise<number> {
    return loaders
      .get<string, number>(`conversations.unread:${viewerId}`, async (ids) => {
        const rows = (await this.db.query(
          `SELECT p.conversation_id, count(m.id)::int AS count FROM conversation_participants p
             LEFT JOIN messages m ON m.conversation_id = p.conversation_id AND m.seq > p.last_read_seq
                                 AND m.sender_id IS DISTINCT FROM p.user_id
            WHERE p.user_id = $1 AND p.conversation_id = ANY($2::uuid[]) GROUP BY p.conversation_id`,
          [viewerId, ids],
        )) as { conversation_id: string; count: number }[];
        const counts = new Map(rows.map((row) => [row.conversation_id, row.count]));
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(conversationId);
  }
}

class RetryRace extends Error {}

/** A retry's first message, when it was sent to the same conversation. */
function sameConversation(first: MessageEntity, input: SendInput): MessageEntity {
  if (first.conversationId !== input.conversationId) {
    throw new ConflictError(
      'CLIENT_ID_REUSED',
      'This clientId was already used for a message in another conversation',
      ['clientId'],
    );
  }
  return first;
}
