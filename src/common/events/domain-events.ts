import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventBus } from './event-bus';

export type { EventContext } from './event-bus';

/** The app's one event bus: producers `publish(manager, event)`; search, notifications and audit subscribe. */
@Injectable()
export class DomainEvents extends EventBus {
  constructor(db: DataSource) {
    super(db);
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
