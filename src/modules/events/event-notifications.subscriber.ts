import { Injectable } from '@nestjs/common';
import { GroupAccess } from '../../access/group-access.service';
import { DomainEvents, EventContext } from '../../common/events/domain-events';
import { NotificationDraft, NotificationsService } from '../notifications/notifications.service';

/**
 * In-app notifications about events, from the domain events (stored in the write's transaction,
 * delivered after it commits; e-mailed per each person's settings by the notifications module).
 * Nobody hears about an event of a group they may no longer read.
 */
@Injectable()
export class EventNotificationsSubscriber {
  constructor(
    events: DomainEvents,
    private readonly notifications: NotificationsService,
    private readonly access: GroupAccess,
  ) {
    events.subscribe('event.cancelled', async (e, context) => {
      await this.notify(context, e.groupId, e.attendeeIds, {
        type: 'EVENT_CANCELLED',
        actorId: e.actorId,
        subjectId: e.eventId,
        text: `L'événement « ${e.title} » est annulé`,
      });
    });
    events.subscribe('event.promoted', async (e, context) => {
      await this.notify(context, e.groupId, e.userIds, {
        type: 'EVENT_PROMOTED',
        actorId: null,
        subjectId: e.eventId,
        text: `Une place s'est libérée : vous participez à « ${e.title} »`,
      });
    });
  }

  /** Records a notification for each of `userIds` who may read the group now; delivered after commit. */
  async notify(
    context: Pick<EventContext, 'manager' | 'afterCommit'>,
    groupId: string,
    userIds: string[],
    draft: Omit<NotificationDraft, 'userId'>,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    // The access policy's condition, asked for every recipient at once.
    const rows = (await context.manager.query(
      `SELECT u.id FROM unnest($1::uuid[]) AS u(id) JOIN groups g ON g.id = $2
        WHERE ${this.access.readableGroupSql('g', 'u.id')}`,
      [userIds, groupId],
    )) as { id: string }[];
    const readers = rows.map((row) => row.id);
    const recorded = await this.notifications.record(
      context.manager,
      readers.map((userId) => ({ userId, ...draft })),
    );
    if (recorded.length) context.afterCommit(() => this.notifications.deliver(recorded));
    return readers;
  }
}
