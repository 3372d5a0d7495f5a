import { DataSource, EntityManager } from 'typeorm';
import { afterCommit, installAfterCommit } from './after-commit';
import { DomainEvent, DomainEventOf, DomainEventType } from './domain-event-map';

/** What a subscriber gets besides the event: the write's transaction, and a hook for after its commit. */
export interface EventContext {
  manager: EntityManager;
  /** Runs once the transaction has committed (e.g. real-time delivery); never if it rolls back. */
  afterCommit(run: () => void): void;
}

export type Subscriber<T extends DomainEventType> = (event: DomainEventOf<T>, context: EventContext) => Promise<void>;

/**
 * Domain events, published inside the transaction of the write that causes them. Subscribers run
 * in that same transaction, in the order they subscribed: what they write (a notification, an
 * index job, an audit entry) commits with the write or not at all. A subscriber that throws makes
 * the write fail, as the same code written inline would.
 */
export class EventBus {
  private readonly subscribers = new Map<DomainEventType, Subscriber<DomainEventType>[]>();

  constructor(db: DataSource) {
    installAfterCommit(db);
  }

  /** Subscribers register while the app is built (in their constructor or `onModuleInit`). */
  subscribe<T extends DomainEventType>(type: T, subscriber: Subscriber<T>): void {
    const list = this.subscribers.get(type) ?? [];
    list.push(subscriber as unknown as Subscriber<DomainEventType>);
    this.subscribers.set(type, list);
  }

  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`publish(${event.type}) must run inside the transaction of its write`);
    }
    const context: EventContext = { manager, afterCommit: (run) => afterCommit(manager, run) };
    for (const subscriber of this.subscribers.get(event.type) ?? []) await subscriber(event, context);
  }
}
