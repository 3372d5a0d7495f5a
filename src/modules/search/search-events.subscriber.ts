import { Injectable } from '@nestjs/common';
import { DomainEventMap, DomainEventOf, DomainEventType } from '../../common/events/domain-event-map';
import { DomainEvents } from '../../common/events/domain-events';
import { enqueueSearchWork, SearchKind, SearchWork } from '../../infra/search/search-work';

/** Tables of public contributions whose documents carry their author's name. */
const CONTRIBUTIONS: Record<string, SearchKind> = { posts: 'post', questions: 'question', answers: 'answer' };

/** Which rows each event makes search look at again. */
const REINDEX: { [T in DomainEventType]?: (event: DomainEventOf<T>) => SearchWork[] } = {
  'account.created': (e) => [{ kind: 'person', id: e.userId }],
  'profile.updated': (e) => [{ kind: 'person', id: e.userId }],
  'user.deactivated': (e) => [{ kind: 'person', id: e.userId }],
  'user.reactivated': (e) => [{ kind: 'person', id: e.userId }],
  // The person's document goes; their contributions are indexed again under "Ancien membre".
  'account.erased': (e) => [
    { kind: 'person', id: e.userId },
    ...Object.entries(CONTRIBUTIONS).flatMap(([table, kind]) =>
      (e.reattributed[table] ?? []).map((id) => ({ kind, id })),
    ),
  ],
  'group.created': (e) => [{ kind: 'group', id: e.groupId }],
  'group.updated': (e) => [{ kind: 'group', id: e.groupId }],
  'post.created': (e) => [{ kind: 'post', id: e.postId }],
  'post.edited': (e) => [{ kind: 'post', id: e.postId }],
  'post.deleted': (e) => [{ kind: 'post', id: e.postId }],
  'question.asked': (e) => [{ kind: 'question', id: e.questionId }],
  // The question's answer count and status are part of its document.
  'answer.posted': (e) => [
    { kind: 'answer', id: e.answerId },
    { kind: 'question', id: e.questionId },
  ],
  'answer.accepted': (e) => [
    { kind: 'question', id: e.questionId },
    { kind: 'answer', id: e.answerId },
    ...(e.previousAnswerId && e.previousAnswerId !== e.answerId
      ? [{ kind: 'answer' as const, id: e.previousAnswerId }]
      : []),
  ],
  'answer.voted': (e) => [{ kind: 'answer', id: e.answerId }],
  'event.created': (e) => [{ kind: 'event', id: e.eventId }],
  'event.updated': (e) => [{ kind: 'event', id: e.eventId }],
  'event.cancelled': (e) => [{ kind: 'event', id: e.eventId }],
};

/** Search subscribes to the domain events that change what it should return, and queues index work in their transaction. */
@Injectable()
export class SearchEventsSubscriber {
  constructor(events: DomainEvents) {
    for (const type of Object.keys(REINDEX) as (keyof DomainEventMap)[]) {
      const work = REINDEX[type] as (event: DomainEventOf<typeof type>) => SearchWork[];
      events.subscribe(type, (event, { manager }) => enqueueSearchWork(manager, work(event)));
    }
  }
}
