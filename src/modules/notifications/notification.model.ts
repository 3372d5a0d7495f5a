import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { NotificationEntity, NotificationTypeValue } from './notification.entity';

export enum NotificationType {
  NEW_COMMENT = 'NEW_COMMENT',
  JOIN_REQUEST = 'JOIN_REQUEST',
  JOIN_APPROVED = 'JOIN_APPROVED',
  NEW_ANSWER = 'NEW_ANSWER',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  EVENT_PROMOTED = 'EVENT_PROMOTED',
  EVENT_REMINDER = 'EVENT_REMINDER',
}
registerEnumType(NotificationType, {
  name: 'NotificationType',
  description: 'What a notification is about; `subjectId` points at the thing named here.',
  valuesMap: {
    NEW_COMMENT: { description: 'Someone commented on a post of the viewer; subject: the post.' },
    JOIN_REQUEST: { description: 'Someone asks to join a group the viewer manages; subject: the group.' },
    JOIN_APPROVED: { description: "The viewer's request to join was accepted; subject: the group." },
    NEW_ANSWER: { description: "Someone answered the viewer's question; subject: the question." },
    ANSWER_ACCEPTED: { description: "The viewer's answer was accepted; subject: the answer." },
    ANNOUNCEMENT: { description: "An announcement of one of the viewer's organisations; subject: the announcement." },
    EVENT_CANCELLED: {
      description: 'An event the viewer was going to (or waitlisted for) was cancelled; subject: the event.',
    },
    EVENT_PROMOTED: { description: 'A place freed up: the viewer left the waitlist and is going; subject: the event.' },
    EVENT_REMINDER: { description: 'An event the viewer is going to starts within a day; subject: the event.' },
  },
});

@ObjectType('Notification', {
  description:
    'Something that happened for the viewer. Its subject is always one the viewer could read when it was created.',
})
export class NotificationModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field(() => NotificationType, { description: 'What happened.' }) type!: NotificationTypeValue;
  @Field(() => ID, {
    nullable: true,
    description: 'What it is about: a post, a group, a question or an answer, by type.',
  })
  subjectId!: string | null;
  @Field({ description: 'A short sentence in French, without any content of the subject.' }) text!: string;
  @Field({ description: 'When it happened.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read; null while unread.' })
  readAt!: Date | null;
  actorId!: string | null;
}

export const NotificationConnection = ConnectionType(NotificationModel, 'Notification');

export function toNotificationModel(entity: NotificationEntity): NotificationModel {
  return {
    id: entity.id,
    type: entity.type,
    subjectId: entity.subjectId,
    text: entity.text,
    createdAt: entity.createdAt,
    readAt: entity.readAt,
    actorId: entity.actorId,
  };
}
