import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GroupAccess } from '../../access/group-access.service';
import { mayReadContent } from '../../access/group-policy';
import { DomainEvents, EventContext } from '../../common/events/domain-events';
import { NotificationDraft, NotificationsService } from './notifications.service';

/**
 * Who is told what, from the domain events: stored in the write's transaction, delivered on the
 * sockets after it commits. Nobody is notified about content they may not read (decided by the
 * access policy at the moment of the write), nor about their own action.
 */
@Injectable()
export class NotificationEventsSubscriber {
  constructor(
    events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly access: GroupAccess,
  ) {
    events.subscribe('comment.added', async (e, context) =>
      this.notify(context, await this.ifReadable(context.manager, e.postAuthorId, e.groupId), {
        type: 'NEW_COMMENT',
        actorId: e.authorId,
        subjectId: e.postId,
        text: 'Nouveau commentaire sur votre publication',
      }),
    );
    events.subscribe('answer.posted', async (e, context) =>
      this.notify(context, await this.ifReadable(context.manager, e.questionAuthorId, e.groupId), {
        type: 'NEW_ANSWER',
        actorId: e.authorId,
        subjectId: e.questionId,
        text: `Nouvelle réponse à votre question « ${e.questionTitle} »`,
      }),
    );
    events.subscribe('answer.accepted', async (e, context) => {
      if (e.previousAnswerId === e.answerId) return;
      await this.notify(context, await this.ifReadable(context.manager, e.answerAuthorId, e.groupId), {
        type: 'ANSWER_ACCEPTED',
        actorId: e.actorId,
        subjectId: e.answerId,
        text: `Votre réponse à « ${e.questionTitle} » a été acceptée`,
      });
    });
    events.subscribe('group.join_requested', async (e, context) => {
      const managers = (await context.manager.query(
        `SELECT m.user_id, g.name FROM group_memberships m JOIN groups g ON g.id = m.group_id
          WHERE m.group_id = $1 AND m.role IN ('OWNER', 'MODERATOR')`,
        [e.groupId],
      )) as { user_id: string; name: string }[];
      await this.store(
        context,
        managers.map((m) => ({
          userId: m.user_id,
          type: 'JOIN_REQUEST',
          actorId: e.userId,
          subjectId: e.groupId,
          text: `Nouvelle demande pour rejoindre le groupe « ${m.name} »`,
        })),
      );
    });
    events.subscribe('group.join_approved', async (e, context) => {
      const [group] = (await context.manager.query('SELECT name FROM groups WHERE id = $1', [e.groupId])) as {
        name: string;
      }[];
      await this.notify(context, [e.userId], {
        type: 'JOIN_APPROVED',
        actorId: e.actorId,
        subjectId: e.groupId,
        text: `Votre demande pour rejoindre le groupe « ${group.name} » a été acceptée`,
      });
    });
  }

  /** The person, when they may read the group's content now; nobody otherwise. */
  private async ifReadable(manager: EntityManager, userId: string | null, groupId: string): Promise<string[]> {
    if (!userId) return [];
    const standing = (await this.access.standings(userId, [groupId], manager)).get(groupId);
    return standing && mayReadContent(standing) ? [userId] : [];
  }

  private notify(context: EventContext, userIds: string[], draft: Omit<NotificationDraft, 'userId'>): Promise<void> {
    return this.store(
      context,
      userIds.map((userId) => ({ userId, ...draft })),
    );
  }

  private async store(context: EventContext, drafts: NotificationDraft[]): Promise<void> {
    const recorded = await this.notifications.record(context.manager, drafts);
    if (recorded.length) context.afterCommit(() => this.notifications.deliver(recorded));
  }
}
