import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { RequestLoaders } from '../../common/loaders/request-loaders';
import { Connection } from '../../common/pagination/connection';
import { newestFirst } from '../../common/pagination/filters';
import { hydrate, keysetPage } from '../../common/pagination/keyset';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';
import { NotificationEntity, NotificationTypeValue } from './notification.entity';
import { toNotificationModel } from './notification.model';

export interface NotificationDraft {
  userId: string;
  type: NotificationTypeValue;
  actorId: string | null;
  subjectId: string | null;
  text: string;
}

/**
 * Stored notifications. Producers `record` them inside their own transaction (so a notification
 * exists exactly when its cause does), then `deliver` them after commit as `notification:new`.
 * Producers decide recipients through src/access: nobody is notified about what they cannot read.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly db: DataSource,
    private readonly realtime: RealtimePublisher,
  ) {}

  async record(manager: EntityManager, drafts: NotificationDraft[]): Promise<NotificationEntity[]> {
    const wanted = drafts.filter((draft) => draft.userId !== draft.actorId);
    if (wanted.length === 0) return [];
    const repository = manager.getRepository(NotificationEntity);
    return repository.save(wanted.map((draft) => repository.create({ ...draft, readAt: null })));
  }

  /** The question each answer belongs to (null once the answer is gone), batched per request. */
  questionOfAnswer(loaders: RequestLoaders, answerId: string): Promise<string | null> {
    return loaders
      .get<string, string | null>('notifications.questionOfAnswer', async (ids) => {
        const rows = (await this.db.query('SELECT id, question_id FROM answers WHERE id = ANY($1::uuid[])', [ids])) as {
          id: string;
          question_id: string;
        }[];
        const questions = new Map(rows.map((row) => [row.id, row.question_id]));
        return ids.map((id) => questions.get(id) ?? null);
      })
      .load(answerId);
  }

  deliver(notifications: NotificationEntity[]): void {
    for (const notification of notifications) {
      void this.realtime.publish({
        userIds: [notification.userId],
        event: 'notification:new',
        payload: toNotificationModel(notification),
      });
    }
  }

  async list(
    userId: string,
    unreadOnly: boolean,
    first: number,
    after?: string,
  ): Promise<Connection<NotificationEntity>> {
    const page = await keysetPage<{ id: string }>(this.db.manager, {
      select: 'SELECT n.id FROM notifications n',
      where: ['n.user_id = $1', ...(unreadOnly ? ['n.read_at IS NULL'] : [])],
      params: [userId],
      ...newestFirst('n'),
      first,
      after,
    });
    return hydrate(page, this.notifications);
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = (await this.db.query(
      'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    )) as { count: number }[];
    return count;
  }

  /** Marks the given notifications (all when `ids` is absent) as read; returns how many changed. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    const result = (await this.db.query(
      `WITH marked AS (
         UPDATE notifications SET read_at = now()
          WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
          RETURNING 1)
       SELECT count(*)::int AS count FROM marked`,
      [userId, ids ?? null],
    )) as { count: number }[];
    return result[0].count;
  }
}
