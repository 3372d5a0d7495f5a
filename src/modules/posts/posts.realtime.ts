import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { DomainEventOf } from '../../common/events/domain-event-map';
import { DomainEvents } from '../../common/events/domain-events';
import { createLogger } from '../../common/logging/logger';
import { RealtimePublisher } from '../../infra/realtime/realtime-publisher';

/**
 * `post:new { postId, groupId }` to the people whose home feed the post enters while they read it:
 * members and followers of its group, and followers of its organisation (the feed's own rule,
 * posts.service.ts), kept only where the access policy lets them read the group's content, so an
 * outsider of a private group hears nothing. The author is left out: their page already shows the
 * post it created. Sent after the write commits (a client that refetches finds the post), and the
 * audience is read then, not in the write's transaction, so posting does not wait for it.
 */
@Injectable()
export class PostsRealtime {
  private readonly logger = createLogger(PostsRealtime.name);

  constructor(
    events: DomainEvents,
    private readonly db: DataSource,
    private readonly access: GroupAccess,
    private readonly realtime: RealtimePublisher,
  ) {
    events.subscribe('post.created', async (event, context) => {
      context.afterCommit(() => void this.announce(event));
    });
  }

  /** Who has the group's posts in their feed and may read them, the author excepted. */
  async audience(groupId: string, authorId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `WITH candidates AS (
         SELECT user_id FROM group_memberships WHERE group_id = $1
         UNION SELECT user_id FROM group_follows WHERE group_id = $1
         UNION SELECT f.user_id FROM organization_follows f JOIN groups og ON og.organization_id = f.organization_id
                WHERE og.id = $1)
       SELECT c.user_id AS id FROM candidates c JOIN groups g ON g.id = $1
        WHERE c.user_id <> $2 AND ${this.access.readableGroupSql('g', 'c.user_id')}`,
      [groupId, authorId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  private async announce({ postId, groupId, authorId }: DomainEventOf<'post.created'>): Promise<void> {
    try {
      const userIds = await this.audience(groupId, authorId);
      await this.realtime.publish({ userIds, event: 'post:new', payload: { postId, groupId } });
    } catch (err) {
      // Live news is a courtesy: the post is stored and the feed shows it on the next load.
      this.logger.warn({ err, postId }, 'post:new not announced');
    }
  }
}
