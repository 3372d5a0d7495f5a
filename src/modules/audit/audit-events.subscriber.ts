import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEventOf, DomainEventType } from '../../common/events/domain-event-map';
import { DomainEvents } from '../../common/events/domain-events';
import { AuditEntry, AuditService } from './audit.service';

type Entry = Promise<AuditEntry | null> | AuditEntry | null;

/** The organisation a group belongs to: moderation is audited there. */
async function groupOrganization(manager: EntityManager, groupId: string): Promise<string> {
  const [group] = (await manager.query('SELECT organization_id FROM groups WHERE id = $1', [groupId])) as {
    organization_id: string;
  }[];
  return group.organization_id;
}

/** Which events are administrative actions, and the entry each leaves (null: not this time). */
const AUDITED: { [T in DomainEventType]?: (event: DomainEventOf<T>, manager: EntityManager) => Entry } = {
  'invitation.created': (e) => ({
    organizationIds: [e.organizationId],
    actorId: e.actorId,
    action: 'invitation.created',
    targetType: 'invitation',
    targetId: e.invitationId,
    details: { role: e.role },
  }),
  'invitation.revoked': (e) => ({
    organizationIds: [e.organizationId],
    actorId: e.actorId,
    action: 'invitation.revoked',
    targetType: 'invitation',
    targetId: e.invitationId,
  }),
  'member.role_changed': (e) => ({
    organizationIds: [e.organizationId],
    actorId: e.actorId,
    action: 'member.role_changed',
    targetType: 'membership',
    targetId: e.userId,
    details: { from: e.from, to: e.to },
  }),
  'member.removed': (e) => ({
    organizationIds: [e.organizationId],
    actorId: e.actorId,
    action: 'member.removed',
    targetType: 'membership',
    targetId: e.userId,
    details: { role: e.role },
  }),
  'user.deactivated': (e) => ({
    organizationIds: e.organizationIds,
    actorId: e.actorId,
    action: 'user.deactivated',
    targetType: 'user',
    targetId: e.userId,
  }),
  'user.reactivated': (e) => ({
    organizationIds: e.organizationIds,
    actorId: e.actorId,
    action: 'user.reactivated',
    targetType: 'user',
    targetId: e.userId,
  }),
  'group.updated': (e) =>
    e.visibility && {
      organizationIds: [e.organizationId],
      actorId: e.actorId,
      action: 'group.visibility_changed',
      targetType: 'group',
      targetId: e.groupId,
      details: e.visibility,
    },
  // A moderator removing someone else's post or comment; authors removing their own are not audited.
  'post.deleted': async (e, manager) =>
    e.authorId === e.actorId
      ? null
      : {
          organizationIds: [await groupOrganization(manager, e.groupId)],
          actorId: e.actorId,
          action: 'post.deleted_by_moderator',
          targetType: 'post',
          targetId: e.postId,
          details: { groupId: e.groupId },
        },
  'comment.deleted': async (e, manager) =>
    e.authorId === e.actorId
      ? null
      : {
          organizationIds: [await groupOrganization(manager, e.groupId)],
          actorId: e.actorId,
          action: 'comment.deleted_by_moderator',
          targetType: 'comment',
          targetId: e.commentId,
          details: { groupId: e.groupId },
        },
};

/** The audit log keeps administrative actions, from their domain events, in the action's transaction. */
@Injectable()
export class AuditEventsSubscriber {
  constructor(events: DomainEvents, audit: AuditService) {
    for (const type of Object.keys(AUDITED) as DomainEventType[]) {
      const entry = AUDITED[type] as (event: DomainEventOf<typeof type>, manager: EntityManager) => Entry;
      events.subscribe(type, async (event, { manager }) => {
        const audited = await entry(event, manager);
        if (audited) await audit.record(manager, audited);
      });
    }
  }
}
