import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection';
import { EventEntity, RsvpStatusValue } from './event.entity';

export enum RsvpStatus {
  GOING = 'GOING',
  WAITLISTED = 'WAITLISTED',
  NOT_GOING = 'NOT_GOING',
}
registerEnumType(RsvpStatus, {
  name: 'RsvpStatus',
  description: "A person's answer to an event.",
  valuesMap: {
    GOING: { description: 'Has a place.' },
    WAITLISTED: { description: 'Asked for a place when none was left: promoted in order when one frees up.' },
    NOT_GOING: { description: 'Not going (never answered, or withdrew).' },
  },
});

@ObjectType('Event', {
  description:
    "An event in a group (a meeting, a workshop…). Times are instants; clients show them in Europe/Paris. Readable by whoever may read the group's content.",
})
export class EventModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id!: string;
  @Field({ description: 'What it is, up to 200 characters.' }) title!: string;
  @Field({ description: 'Details, plain text up to 20,000 characters (may be empty).' }) description!: string;
  @Field({ description: 'When it starts (an instant).' }) startsAt!: Date;
  @Field({ description: 'When it ends (an instant, not before `startsAt`).' }) endsAt!: Date;
  @Field(() => String, { nullable: true, description: 'Where it takes place, as written by the organiser.' })
  location!: string | null;
  @Field(() => String, { nullable: true, description: 'A link to join online (http or https).' })
  onlineUrl!: string | null;
  @Field(() => Int, { nullable: true, description: 'How many people may go; null when there is no limit.' })
  capacity!: number | null;
  @Field(() => Date, { nullable: true, description: 'When it was cancelled; null while it stands.' })
  cancelledAt!: Date | null;
  @Field({ description: 'When it was created.' }) createdAt!: Date;
  groupId!: string;
  authorId!: string | null;
}

@ObjectType('EventAttendee', { description: 'Someone going to an event, or waiting for a place.' })
export class EventAttendeeModel {
  @Field(() => RsvpStatus, { description: 'GOING or WAITLISTED.' }) status!: RsvpStatusValue;
  @Field(() => Int, { nullable: true, description: 'For WAITLISTED: the place in the waitlist, from 1.' })
  position!: number | null;
  @Field({ description: 'When they answered (or last changed their answer).' }) respondedAt!: Date;
  userId!: string;
}

export const EventConnection = ConnectionType(EventModel, 'Event');
export const EventAttendeeConnection = ConnectionType(EventAttendeeModel, 'EventAttendee');

export function toEventModel(entity: EventEntity): EventModel {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    location: entity.location,
    onlineUrl: entity.onlineUrl,
    capacity: entity.capacity,
    cancelledAt: entity.cancelledAt,
    createdAt: entity.createdAt,
    groupId: entity.groupId,
    authorId: entity.authorId,
  };
}
