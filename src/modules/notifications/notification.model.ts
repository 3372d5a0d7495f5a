import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { NotificationEntity, NotificationTypeValue } from './notification.entity';

export enum NotificationType {
  NEW_COMMENT = 'NEW_COMMENT',
  JOIN_REQUEST = 'JOIN_REQUEST',
  JOIN_APPROVED = 'JOIN_APPROVED',
  NEW_ANSWER = 'NEW_ANSWER',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
}
registerEnumType(NotificationType, { name: 'NotificationType' });

@ObjectType('Notification', {
  description:
    'Something that happened for the viewer. Its subject is always one the viewer could read when it was created.',
})
export class NotificationModel {
  @Field(() => ID) id!: string;
  @Field(() => NotificationType) type!: NotificationTypeValue;
  @Field(() => ID, {
    nullable: true,
    description: 'What it is about: a post, a group, a question or an answer, by type.',
  })
  subjectId!: string | null;
  @Field({ description: 'A short sentence in French, without any content of the subject.' }) text!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
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
